import { describe, expect, it } from 'vitest';
import { neutralize } from '../../src/core/text/neutralize.js';
import { normalizeText, stripLeadingMention, MAX_QUESTION_CHARS } from '../../src/core/text/normalize.js';

describe('normalizeText', () => {
  it.each([
    ['ML Systems Engineer', 'ml systems engineer'],
    ['  ml   systems\tengineer!!! ', 'ml systems engineer'],
    ['<@U0BOT> knowledge graph engineer skills', 'knowledge graph engineer skills'],
    ['<@!123456789> lab automation', 'lab automation'],
    ['<@U0BOT|career-bot>, skills?', 'skills'],
    ['@career-bot help', 'help'],
    ['ml\u200b sys\u200btems\u0007 engineer', 'ml systems engineer'],
    ['what’s the pay', 'whats the pay'],
    ['entry-level salary', 'entry level salary'],
    ['Ｍｌ ｓｙｓｔｅｍｓ', 'ml systems'],
    ['ingeniero de datos', 'ingeniero de datos'],
    ['工程师 薪水', '工程师 薪水'],
    ['🚀🚀', ''],
    ['', ''],
    ['c++ and c# skills', 'c++ and c# skills'],
    ['salary <!channel> <!here>', 'salary'],
    // Control characters separate words like whitespace does.
    ['ml\u0000systems\u0000engineer', 'ml systems engineer'],
    ['knowledge\u0007graph\u001bengineer', 'knowledge graph engineer'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('caps what it reads so a 20,000-character paste costs no more than a question', () => {
    expect(normalizeText('word '.repeat(4000)).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });

  it('strips only a leading mention, keeping the rest of the text', () => {
    expect(stripLeadingMention('<@U1> <@U2> hi <@U3>')).toBe('hi <@U3>');
  });
});

describe('neutralize', () => {
  it.each([
    ['<!channel> hello', '!channel hello'],
    ['<@U123> hi', '@\u200bU123 hi'],
    ['@everyone and @here', '@\u200beveryone and @\u200bhere'],
    ['line\nbreak\u0000', 'line break'],
  ])('%j -> %j', (input, expected) => {
    expect(neutralize(input)).toBe(expected);
  });

  it('never leaves a pingable mention', () => {
    for (const text of ['<!channel>', '<!here>', '<!everyone>', '@everyone', '@here', '<@U1>', '<@&123>', '<#C1>']) {
      const out = neutralize(text);
      expect(out).not.toMatch(/<[@#!]/);
      expect(out).not.toMatch(/@(everyone|here)/);
    }
  });

  it('trims long text with an ellipsis', () => {
    expect([...neutralize('x'.repeat(500), 80)]).toHaveLength(80);
  });
});
