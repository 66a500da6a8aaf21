import { describe, expect, it } from 'vitest';
import { editDistance, TypoCorrector } from '../../src/core/understand/typo-corrector.js';

const corrector = new TypoCorrector(
  new Set(['systems', 'engineer', 'graph', 'laboratory', 'language', 'salary', 'seattle', 'query', 'responsibilities']),
);

describe('TypoCorrector', () => {
  it.each([
    ['sistems', 'systems'],
    ['enginer', 'engineer'],
    ['grph', 'graph'],
    ['labortory', 'laboratory'],
    ['languge', 'language'],
    ['salray', 'salary'],
    ['seatle', 'seattle'],
    ['responsibilites', 'responsibilities'],
  ])('corrects %s to %s', (typo, word) => {
    expect(corrector.correct(typo)).toBe(word);
  });

  it.each(['qwerty', 'zxcvb', 'teacher', 'nurse', 'abc', 'everest', 'x1234'])('leaves %s alone', (word) => {
    expect(corrector.correct(word)).toBeNull();
  });
});

describe('editDistance', () => {
  it.each([
    ['graph', 'grph', 1],
    ['salary', 'salray', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
