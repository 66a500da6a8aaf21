import { describe, expect, it } from 'vitest';
import { loggedAnswer } from '../../src/core/answer/feedback-answer.js';
import { unansweredReason } from '../../src/learn/answer-log.js';
import { shippedBot } from '../helpers/content.js';
import { EMPTY_SLOTS } from '../../src/core/conversation/slots.js';

/** What the log reads from a question message. */
const asked = (platform: string, text: string) => ({
  platform,
  text,
  conversation: { platform, workspace: 'W1', channel: 'C1', thread: null, user: 'U1' },
});

describe('which answers go into the question log', () => {
  const bot = shippedBot();
  it.each([
    ['what does a blockchain developer do', 'unknown'],
    ['what is the capital of peru', 'unknown'],
    ['llm sme skills', null],
    ['senior ml systems engineer salary in seattle', null],
    ['knowledge graph engineer vs llm sme', null],
    ['help', null],
  ])('%s → %s', (text, reason) => {
    const a = bot.converse(text, EMPTY_SLOTS).answer;
    expect(unansweredReason(loggedAnswer(bot.content, asked('console', text), a))).toBe(reason);
  });

  it.each([
    ['a section the profile lacks', { section: 'salary', confidence: 1, noSection: true }, 'no-section'],
    ['a role guessed below 0.8', { section: 'skills', confidence: 0.7, noSection: false }, 'low-confidence'],
    ['a role read with confidence', { section: 'skills', confidence: 0.9, noSection: false }, null],
  ] as const)('%s → %s', (_name, answer, reason) => {
    const base = {
      platform: 'slack',
      text: 'x',
      level: null,
      suggestions: [],
      workspace: null,
      intent: 'role' as const,
      roles: ['llm-sme'],
    };
    expect(unansweredReason({ ...base, ...answer })).toBe(reason);
  });

  it.each([
    ['llm sme work environment', true],
    ['llm sme salary', true],
    ['ml systems engineer work environment', false],
    ['ml systems engineer salary', false],
  ])('"%s" asks for a part the profile lacks: %s', (text, lacking) => {
    const a = bot.converse(text, EMPTY_SLOTS).answer;
    const logged = loggedAnswer(bot.content, asked('slack', text), a);
    expect(logged.noSection).toBe(lacking);
    expect(unansweredReason(logged)).toBe(lacking ? 'no-section' : null);
  });
});
