import { CANONICAL_PHRASES } from './words.js';

/** A word after canonicalisation, with the span of input words it came from. */
export interface CanonicalToken {
  word: string;
  from: number;
  to: number;
}

const byFirstWord = new Map<string, Array<readonly [string[], string]>>();
for (const entry of CANONICAL_PHRASES) {
  const list = byFirstWord.get(entry[0][0]!) ?? [];
  list.push(entry);
  // Longest phrase first, so "large language models" wins over shorter ones.
  list.sort((a, b) => b[0].length - a[0].length);
  byFirstWord.set(entry[0][0]!, list);
}

/** Plural and possessive endings, so "engineers" and "engineer" meet. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Rewrites multi-word terms to their short forms and stems every word. */
export function canonicalize(words: readonly string[]): CanonicalToken[] {
  const out: CanonicalToken[] = [];
  for (let i = 0; i < words.length; ) {
    const candidates = byFirstWord.get(words[i]!) ?? [];
    const hit = candidates.find(([phrase]) => phrase.every((w, k) => words[i + k] === w));
    if (hit) {
      out.push({ word: hit[1], from: i, to: i + hit[0].length });
      i += hit[0].length;
    } else {
      out.push({ word: stem(words[i]!), from: i, to: i + 1 });
      i += 1;
    }
  }
  return out;
}

export function canonicalWords(text: string): string[] {
  return canonicalize(text.split(' ').filter(Boolean)).map((t) => t.word);
}
