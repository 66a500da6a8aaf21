import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/** What the reader asks of the word list: membership, nothing else. */
export interface EnglishWords {
  has(word: string): boolean;
}

let words: EnglishWords | undefined;

/**
 * Ordinary English words (word-list, ~274k). A word in it is a word the
 * person meant, not a typo: "trains" must not become "traits", nor
 * "remotely" a city. Loaded once, on first use (or at start-up).
 */
export function englishWords(): EnglishWords {
  words ??= wordTable(readFileSync(wordListPath));
  return words;
}

/**
 * The list as its file's bytes plus an open-addressing hash table of line
 * offsets: about 5 MB resident, where a Set of 274k strings took about 40 MB
 * (20 MB of heap, and the split's garbage besides) in a bot that otherwise
 * idles near 100 MB. Lookups hash the query and compare bytes in place.
 * Every line is a word, the empty one after the last newline included, as
 * the Set built from `split('\n')` had it.
 */
export function wordTable(bytes: Buffer): EnglishWords {
  const NL = 0x0a;
  let lines = 1;
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] === NL) lines += 1;
  // A power of two at least twice the lines keeps probe chains short.
  let size = 1;
  while (size < lines * 2) size *= 2;
  const mask = size - 1;
  // Slot holds (line start + 1); 0 is empty. A line ends at a newline or the file's end.
  const slots = new Uint32Array(size);
  const endsAt = (i: number) => i === bytes.length || bytes[i] === NL;
  const sameAt = (start: number, word: string) => {
    for (let i = 0; i < word.length; i += 1) if (bytes[start + i] !== word.charCodeAt(i)) return false;
    return endsAt(start + word.length);
  };
  const sameLines = (a: number, b: number) => {
    let i = 0;
    while (!endsAt(a + i) && !endsAt(b + i) && bytes[a + i] === bytes[b + i]) i += 1;
    return endsAt(a + i) && endsAt(b + i);
  };
  let start = 0;
  let h = 0x811c9dc5;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i < bytes.length && bytes[i] !== NL) {
      h = Math.imul(h ^ bytes[i]!, 0x01000193);
      continue;
    }
    let slot = h & mask;
    while (slots[slot] !== 0 && !sameLines(slots[slot]! - 1, start)) slot = (slot + 1) & mask;
    slots[slot] = start + 1;
    start = i + 1;
    h = 0x811c9dc5;
  }
  return {
    has(word) {
      let h = 0x811c9dc5;
      for (let i = 0; i < word.length; i += 1) {
        const c = word.charCodeAt(i);
        // The file is plain ASCII, one word a line: such a character cannot match.
        if (c > 0x7f || c === NL) return false;
        h = Math.imul(h ^ c, 0x01000193);
      }
      for (let slot = h & mask; slots[slot] !== 0; slot = (slot + 1) & mask)
        if (sameAt(slots[slot]! - 1, word)) return true;
      return false;
    },
  };
}
