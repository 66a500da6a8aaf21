import { describe, expect, it } from 'vitest';
import { detectSection } from '../../src/core/understand/understand.js';
import { ROLE_CONFIDENCE_THRESHOLD, SUGGESTION_THRESHOLD } from '../../src/core/understand/find-role.js';
import { shippedBot } from '../helpers/content.js';

const bot = shippedBot(() => new Date('2026-11-23T09:00:00Z'));
type Row = [
  string,
  Partial<{
    intent: string;
    role: string | null;
    section: string | null;
    level: string | null;
    location: string | null;
  }>,
];

describe('a question names a role and a section', () => {
  it.each<Row>([
    ['ml systems engineer', { intent: 'role', role: 'ml-systems-engineer', section: 'overview' }],
    ['Machine Learning Systems Engineer', { intent: 'role', role: 'ml-systems-engineer', section: 'overview' }],
    ['what does an nlp engineer do', { intent: 'role', role: 'language-ai-engineer', section: 'responsibilities' }],
    [
      'do I need a degree to be a knowledge graph engineer',
      { intent: 'role', role: 'knowledge-graph-engineer', section: 'education' },
    ],
    [
      'is lab automation engineering in demand',
      { intent: 'role', role: 'laboratory-automation-engineer', section: 'demand' },
    ],
    ['llm sme best practices', { intent: 'role', role: 'llm-sme', section: 'best-practices' }],
    ['ml engineers soft skills', { intent: 'role', role: 'ml-systems-engineer', section: 'soft-skills' }],
    [
      'career path for a language ai engineer',
      { intent: 'role', role: 'language-ai-engineer', section: 'career-path' },
    ],
    [
      'who do knowledge graph engineers work with',
      { intent: 'role', role: 'knowledge-graph-engineer', section: 'work-environment' },
    ],
    ['LLM SME TRENDS!!!', { intent: 'role', role: 'llm-sme', section: 'trends' }],
    [
      '<@U0BOT>   ml systems   engineer, challenges?',
      { intent: 'role', role: 'ml-systems-engineer', section: 'challenges' },
    ],
    ['knowlege grahp engineer skils', { intent: 'role', role: 'knowledge-graph-engineer', section: 'skills' }],
  ])('%j', (q, want) => {
    expect(bot.answer(q)).toMatchObject(want);
  });
});

describe('pay questions', () => {
  it.each<Row>([
    [
      'how much do ML systems engineers make in NYC?',
      { intent: 'salary', role: 'ml-systems-engineer', level: null, location: 'new-york' },
    ],
    ['junior ml engineer salary', { intent: 'salary', role: 'ml-systems-engineer', level: 'entry', location: null }],
    [
      'sr machine learning engineer pay in SF',
      { intent: 'salary', role: 'ml-systems-engineer', level: 'senior', location: 'san-francisco' },
    ],
    [
      'mid level ml systems engineer salary in Seattle, WA',
      { intent: 'salary', role: 'ml-systems-engineer', level: 'mid', location: 'seattle' },
    ],
    ['ml systems engineer salary in Boston', { intent: 'salary', role: 'ml-systems-engineer', location: null }],
    ['language ai engineer salary', { intent: 'salary', role: 'language-ai-engineer', level: null, location: null }],
    ['what is the salary', { intent: 'salary', role: null }],
  ])('%j', (q, want) => {
    expect(bot.answer(q)).toMatchObject(want);
  });

  it('says it has no city figures when the city is not in the data', () => {
    expect(bot.answer('ml systems engineer salary in Boston').reply.blocks[0]).toMatchObject({
      text: expect.stringContaining('no figures for Boston'),
    });
  });
});

describe('questions that describe a role without naming it', () => {
  it.each<Row>([
    ['which role works with RDF and OWL', { intent: 'role', role: 'knowledge-graph-engineer' }],
    ['what job uses liquid handlers and LIMS', { intent: 'role', role: 'laboratory-automation-engineer' }],
    ['career in sentiment analysis and text generation', { intent: 'role', role: 'language-ai-engineer' }],
  ])('%j', (q, want) => {
    expect(bot.answer(q)).toMatchObject(want);
  });
});

describe('declining what the content does not cover', () => {
  it.each([
    'lab tech',
    'data engineer',
    'nurse',
    'backend developer salary',
    'electrician responsibilities',
    'how tall is mount everest',
    'qwerty zxcvb',
    'product manager',
    'systems engineer',
  ])('%j is unknown with no role', (q) => {
    const a = bot.answer(q);
    expect(a.intent).toBe('unknown');
    expect(a.role).toBeNull();
    expect(a.reply.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')).not.toContain('$');
  });

  it('suggests close roles when the match is unsure', () => {
    const a = bot.answer('ai engineer');
    expect(a.intent).toBe('unknown');
    expect(a.suggestions).toContain('language-ai-engineer');
  });
});

describe('the confidence threshold', () => {
  it('is explicit and orders the suggestion floor below it', () => {
    expect(ROLE_CONFIDENCE_THRESHOLD).toBeGreaterThan(SUGGESTION_THRESHOLD);
  });

  it.each([
    'ml systems engineer',
    'which role works with RDF and OWL',
    'knowlege grahp engineer',
    'nlp engineer skills',
  ])('a named role %j is at or above the threshold', (q) => {
    const a = bot.answer(q);
    expect(a.role).not.toBeNull();
    expect(a.confidence).toBeGreaterThanOrEqual(ROLE_CONFIDENCE_THRESHOLD);
  });

  it.each(['ai engineer', 'language', 'systems engineer', 'automation'])(
    'a partial title %j scores below it and names no role',
    (q) => {
      const a = bot.answer(q);
      expect(a.role).toBeNull();
      expect(a.confidence).toBeLessThan(ROLE_CONFIDENCE_THRESHOLD);
    },
  );
});

describe('list, help and tip', () => {
  it.each<Row>([
    ['', { intent: 'help' }],
    ['help', { intent: 'help' }],
    ['hi there', { intent: 'help' }],
    ['what can you do', { intent: 'help' }],
    ['list roles', { intent: 'list' }],
    ['which careers do you cover', { intent: 'list' }],
    ['tip of the week', { intent: 'tip' }],
    ['give me a tip for ml systems engineers', { intent: 'tip', role: 'ml-systems-engineer' }],
  ])('%j', (q, want) => {
    expect(bot.answer(q)).toMatchObject(want);
  });
});

describe('detectSection', () => {
  it.each([
    ['soft skills', 'soft-skills'],
    ['skills', 'skills'],
    ['what do they do', 'responsibilities'],
    ['challenges and advantages', 'challenges'],
    ['best practices for data management', 'best-practices'],
    ['how to grow', 'career-path'],
    ['latest trends', 'trends'],
    ['market demand', 'demand'],
    ['phd required?', 'education'],
    ['nothing here', null],
  ])('%j -> %s', (text, id) => {
    expect(detectSection(text)?.id ?? null).toBe(id);
  });
});
