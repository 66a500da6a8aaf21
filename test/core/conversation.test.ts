import { describe, expect, it } from 'vitest';
import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import { envelope, press } from '../helpers/messages.js';
import type { Answer } from '../../src/core/bot.js';
import { createBot } from '../../src/core/bot.js';
import { fitRoles } from '../../src/core/answer/fit-answer.js';
import { createMemoryContextStore } from '../../src/core/conversation/memory-context-store.js';
import { EMPTY_SLOTS, type ConversationSlots } from '../../src/core/conversation/slots.js';
import type { IncomingMessage } from '../../src/core/message.js';
import { renderText } from '../../src/core/render-text.js';
import { decodeAction, encodeAction } from '../../src/core/actions.js';
import { shippedBot, shippedContent } from '../helpers/content.js';

const bot = shippedBot();

/** Runs one conversation and returns each answer. */
function talk(...lines: string[]): Answer[] {
  let slots: ConversationSlots = EMPTY_SLOTS;
  return lines.map((text) => {
    const turn = bot.converse(text, slots);
    slots = turn.slots;
    return turn.answer;
  });
}
const last = (...lines: string[]) => talk(...lines).at(-1)!;
const pick = (a: Answer) => ({
  intent: a.intent,
  role: a.role,
  section: a.section,
  level: a.level,
  location: a.location,
});

describe('slots carry until replaced', () => {
  const cases: Array<[string, string[], Partial<ReturnType<typeof pick>>]> = [
    [
      'a city keeps role and level',
      ['entry level ml systems engineer pay in austin', 'and in chicago?'],
      { intent: 'salary', role: 'ml-systems-engineer', level: 'entry', location: 'chicago' },
    ],
    [
      'a misspelt city is still a city',
      ['ml systems engineer salary', 'and in chicgo?'],
      { intent: 'salary', location: 'chicago' },
    ],
    [
      'a level keeps role and city',
      ['ml systems engineer salary in seattle', 'what about senior?'],
      { intent: 'salary', level: 'senior', location: 'seattle' },
    ],
    [
      'a topic keeps the role',
      ['tell me about knowledge graph engineers', 'what do they do all day?'],
      { intent: 'role', role: 'knowledge-graph-engineer', section: 'responsibilities' },
    ],
    [
      'a new role keeps the topic',
      ['knowledge graph engineer skills', 'what about an llm sme?'],
      { intent: 'role', role: 'llm-sme', section: 'skills' },
    ],
    [
      'a new role keeps pay, level and city',
      ['senior ml systems engineer salary in new york', 'and a knowledge graph engineer?'],
      { intent: 'salary', role: 'knowledge-graph-engineer' },
    ],
    [
      'a new question naming role and topic stands alone',
      ['ml systems engineer salary in austin', 'what are the challenges for a knowledge graph engineer?'],
      { intent: 'role', role: 'knowledge-graph-engineer', section: 'challenges' },
    ],
    [
      'thanks does not end the conversation',
      ['ml systems engineer', 'thanks! what challenges do they face?'],
      { role: 'ml-systems-engineer', section: 'challenges' },
    ],
    [
      'a place without figures is named as none',
      ['ml systems engineer', 'how much do they make in London?'],
      { intent: 'salary', role: 'ml-systems-engineer', location: null },
    ],
  ];
  it.each(cases)('%s', (_, lines, want) => expect(pick(last(...lines))).toMatchObject(want));
});

describe('slots reset', () => {
  it.each([
    ['a follow-up with no context is a question on its own', ['and in chicago?']],
    [
      'a role we do not cover clears the context',
      ['ml systems engineer', 'what is a data engineer', 'what about their salary?'],
    ],
  ])('%s', (_, lines) => expect(last(...lines).role).toBeNull());

  it('an acknowledgement keeps the context; "tell me more" goes on to the next section', () => {
    expect(pick(last('llm sme', 'hmm', 'and the challenges?'))).toMatchObject({
      role: 'llm-sme',
      section: 'challenges',
    });
    expect(talk('llm sme', 'tell me more', 'go on').map((a) => a.section)).toEqual([
      'overview',
      'responsibilities',
      'skills',
    ]);
  });

  it('two roles talked about in turn can be compared and picked from', () => {
    const [, , pay, first] = talk(
      'tell me about ml systems engineers',
      'what about knowledge graph engineers?',
      'which one pays more?',
      'tell me more about the first one',
    );
    expect(pay).toMatchObject({
      intent: 'compare',
      roles: ['ml-systems-engineer', 'knowledge-graph-engineer'],
      section: 'salary',
    });
    expect(first).toMatchObject({ intent: 'role', role: 'ml-systems-engineer' });
  });

  it('"the other one" and "and with X?" follow a comparison', () => {
    expect(last('ml systems engineer vs llm sme', 'tell me about the first one', 'and the other one?')).toMatchObject({
      role: 'llm-sme',
    });
    expect(
      last(
        'what skills does an llm sme need',
        'how does that compare with a language ai engineer?',
        'and with an ml systems engineer?',
      ),
    ).toMatchObject({
      intent: 'compare',
      roles: ['llm-sme', 'ml-systems-engineer'],
      section: 'skills',
    });
  });

  it('a help answer keeps the context', () => {
    expect(pick(last('llm sme', 'hello', 'and the challenges?'))).toMatchObject({
      role: 'llm-sme',
      section: 'challenges',
    });
  });
});

describe('comparisons', () => {
  it.each([
    ['ml systems engineer vs llm sme: responsibilities', ['ml-systems-engineer', 'llm-sme'], 'responsibilities'],
    [
      "what's the difference between a lab automation engineer and an ML systems engineer?",
      ['laboratory-automation-engineer', 'ml-systems-engineer'],
      'overview',
    ],
    [
      'compare the skills of an ml systems engineer, a knowledge graph engineer and an llm sme',
      ['ml-systems-engineer', 'knowledge-graph-engineer', 'llm-sme'],
      'skills',
    ],
  ])('%s', (q, roles, section) => expect(last(q)).toMatchObject({ intent: 'compare', roles, role: roles[0], section }));

  it('keeps the roles compared for "which one pays more?" and "the second one"', () => {
    const [, pay, second] = talk(
      'knowledge graph engineer versus llm sme',
      'which one pays more?',
      'tell me more about the second one',
    );
    expect(pay).toMatchObject({ intent: 'compare', roles: ['knowledge-graph-engineer', 'llm-sme'], section: 'salary' });
    expect(second).toMatchObject({ intent: 'role', role: 'llm-sme' });
  });

  it('compares "that" with a newly named role on the same topic', () => {
    expect(
      last('how much do mid-level ML systems engineers earn in NYC', 'compare that with a knowledge graph engineer'),
    ).toMatchObject({
      intent: 'compare',
      roles: ['ml-systems-engineer', 'knowledge-graph-engineer'],
      section: 'salary',
    });
  });

  it('gives the figures of the role that has them and says the other has none, never filling the gap', () => {
    const text = renderText(last('ml systems engineer vs knowledge graph engineer salary').reply);
    const [ml, kg] = text.split('Knowledge Graph Engineer\n').slice(-2);
    expect(text).toContain('$112,000 – $166,000');
    expect(kg).toContain('No salary figures');
    expect(kg).not.toContain('$');
    expect(ml).toContain('no pay figures for Knowledge Graph Engineer');
  });

  it('says so for a role with nothing on the topic', () => {
    const text = renderText(last('compare the trends of an llm sme and a knowledge graph engineer').reply);
    expect(text).toContain('The Knowledge Graph Engineer profile has nothing on trends');
  });

  it('leads each role with its lines that share least with the other', () => {
    const a = last('knowledge graph engineer vs lab automation engineer skills');
    const lists = a.reply.blocks.filter((b) => b.type === 'list');
    expect(lists).toHaveLength(2);
    expect(JSON.stringify(lists[0])).toMatch(/SPARQL|RDF|ontolog/i);
  });
});

describe('role fit', () => {
  const reader = bot.reader;
  it.each([
    ['I know SPARQL, RDF and Neo4j. Which role fits me best?', 'knowledge-graph-engineer', /sparql|rdf/i],
    [
      'I love NLP, transformers and sentiment analysis, what career should I look at?',
      'language-ai-engineer',
      /sentiment|nlp|transformers/i,
    ],
    [
      "I'm good with robotics, liquid handlers and lab instruments. Which of your roles suits me?",
      'laboratory-automation-engineer',
      /liquid|robotics/i,
    ],
  ])('%s', (q, best, words) => {
    const matches = fitRoles(reader, q);
    expect(matches[0]!.role.id).toBe(best);
    expect(matches[0]!.words.join(' ')).toMatch(words);
    const a = last(q);
    expect(a).toMatchObject({ intent: 'fit', role: best });
    expect(renderText(a.reply)).toMatch(words);
  });

  it('matches nothing it cannot point to, and asks what they know or enjoy', () => {
    const a = last('I like painting and gardening, which role suits me?');
    expect(a).toMatchObject({ intent: 'fit', role: null, roles: [] });
    expect(renderText(a.reply)).toMatch(/what do you know or enjoy/i);
  });

  it('the best fit becomes the role a follow-up is about', () => {
    expect(last('I know SPARQL and ontologies, what should I aim for?', 'what do they earn?')).toMatchObject({
      intent: 'salary',
      role: 'knowledge-graph-engineer',
    });
  });
});

describe('focused pay answers', () => {
  it('lead with the figures asked for and offer the full breakdown', () => {
    const a = bot.answer('senior ml systems engineer in Seattle salary');
    const text = renderText(a.reply);
    expect(text.split('\n')[2]).toContain('$153,000 – $267,000');
    expect(text).toContain('Seattle, WA: $150,000 – $174,000');
    expect(text).toContain('total compensation');
    expect(text).not.toContain('By city');
    expect(a.reply.choices[0]).toMatchObject({
      label: 'Full pay breakdown',
      action: { type: 'section', role: 'ml-systems-engineer', section: 'salary' },
    });
  });

  it('show the full table when nothing specific was asked', () => {
    expect(renderText(bot.answer('ml systems engineer salary').reply)).toContain('By city');
  });
});

describe('handle() with a context store', () => {
  const key = (user: string) => ({ platform: 'slack', workspace: 'T1', channel: 'D1', thread: null, user });
  const msg = (text: string, user = 'U1'): IncomingMessage => ({
    ...envelope('slack', { channel: 'D1', dm: true, user: { id: user } }),
    conversation: key(user),
    kind: 'question',
    via: 'dm',
    text,
  });

  it("continues one person's conversation and keeps another's apart", async () => {
    const contexts = createMemoryContextStore();
    const b = createBot({ content: shippedContent(), contexts, surface: consoleSurface });
    await b.handle(msg('ml systems engineer salary in austin'));
    expect((await b.handle(msg('and in chicago?'))).title).toBe('ML Systems Engineer · Salary');
    expect((await b.handle(msg('and in chicago?', 'U2'))).role).toBeUndefined();
  });

  it('forgets after the TTL of silence (injected clock)', async () => {
    let now = new Date('2026-01-05T09:00:00Z');
    const contexts = createMemoryContextStore({ ttlMs: 60_000 });
    const b = createBot({ content: shippedContent(), contexts, clock: () => now, surface: consoleSurface });
    await b.handle(msg('llm sme'));
    now = new Date(now.getTime() + 61_000);
    expect((await b.handle(msg('what challenges do they face?'))).role).toBeUndefined();
  });
});

describe('answers that re-create themselves', () => {
  it('encode a pay or comparison answer in a button action that builds the same reply', async () => {
    const [, followUp] = talk('senior ml systems engineer salary in austin', 'and in chicago?');
    const action = followUp!.reply.recreate!;
    expect(decodeAction(encodeAction(action))).toEqual(action);
    const again = await bot.handle(press(envelope('console', { dm: true }), action));
    expect(renderText(again)).toBe(renderText(followUp!.reply));
    const compared = talk('knowledge graph engineer vs llm sme', 'which one pays more?')[1]!;
    expect(decodeAction(encodeAction(compared.reply.recreate!))).toEqual(compared.reply.recreate);
  });

  it('reject forged answer actions', () => {
    expect(decodeAction('a:c:x,y:nonsense:-:-')).toBeNull();
    expect(decodeAction('a:z:llm-sme:salary:-:-')).toBeNull();
  });
});
