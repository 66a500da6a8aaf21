import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { describe, expect, it } from 'vitest';
import { englishWords, wordTable } from '../../src/core/understand/english-words.js';

describe('the English word table', () => {
  it('holds exactly the lines of the word list, as a Set of them would', () => {
    const lines = readFileSync(wordListPath, 'utf8').split('\n');
    const table = englishWords();
    expect(lines.filter((w) => !table.has(w))).toEqual([]);
    // Near misses of every 50th word: plural, truncated, doubled last letter.
    const set = new Set(lines);
    const probes = lines
      .filter((_, i) => i % 50 === 0)
      .flatMap((w) => [`${w}s`, w.slice(0, -1), `${w}${w.at(-1) ?? ''}`]);
    expect(probes.filter((p) => table.has(p) !== set.has(p))).toEqual([]);
  });

  it.each([
    ['trains', true],
    ['remotely', true],
    ['kubernetes', false],
    ['Trains', false],
    ['café', false],
    ['aa\naah', false],
  ])('%j → %s', (word, expected) => {
    expect(englishWords().has(word)).toBe(expected);
  });

  it('finds words that collide in the hash table, first line and last line included', () => {
    const table = wordTable(Buffer.from('b\nab\nba\nlast'));
    expect(['b', 'ab', 'ba', 'last'].map((w) => table.has(w))).toEqual([true, true, true, true]);
    expect(['a', 'abb', 'las', 'lastt', 'b\nab'].map((w) => table.has(w))).toEqual([false, false, false, false, false]);
  });
});
