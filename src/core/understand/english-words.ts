import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: ReadonlySet<string> | undefined;

/**
 * Ordinary English words (word-list, ~274k). A word in it is a word the
 * person meant, not a typo: "trains" must not become "traits", nor
 * "remotely" a city. Loaded once, on first use (or at start-up).
 */
export function englishWords(): ReadonlySet<string> {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words;
}
