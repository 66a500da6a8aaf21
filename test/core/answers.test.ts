import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/render-text.js';
import { decodeAction, encodeAction } from '../../src/core/actions.js';
import { SECTION_IDS } from '../../src/core/sections.js';
import { shippedBot, shippedContent } from '../helpers/content.js';
import { command, envelope, press, question } from '../helpers/messages.js';

const bot = shippedBot(() => new Date('2026-11-23T09:00:00Z'));
const text = (q: string) => renderText(bot.answer(q).reply);

/** Every amount the content states, formatted as answers print them. */
function statedAmounts(): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === 'number' && v >= 1000) out.add(`$${v.toLocaleString('en-US')}`);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  shippedContent().roles.forEach((r) => visit(r.salary));
  return out;
}

describe('salary answers quote the content and invent nothing', () => {
  it('gives the level and city asked for and the total-pay note, the full table one button away, and the source', () => {
    const t = text('how much does a senior ML systems engineer make in Seattle?');
    expect(t).toContain('Senior level: $153,000 – $267,000');
    expect(t).toContain('Seattle, WA: $150,000 – $174,000');
    expect(t).toContain('average total compensation (base salary, bonuses, stock options) is $202,000');
    expect(t).not.toContain('Austin, TX');
    expect(t).toContain('[1] Full pay breakdown');
    expect(t).toMatch(/Figures: .*2024/);
    const full = text('ml systems engineer salary');
    expect(full).toContain('Entry level');
    expect(full).toContain('Austin, TX');
  });

  it.each([
    'ml systems engineer salary',
    'junior ml engineer pay in nyc',
    'ml systems engineer salary in Boston',
    'senior ml systems engineer compensation austin',
  ])('every amount in %j is one the content states', (q) => {
    const amounts = text(q).match(/\$[\d,]+/g) ?? [];
    expect(amounts.length).toBeGreaterThan(0);
    const stated = statedAmounts();
    for (const a of amounts) expect(stated, a).toContain(a);
  });

  it.each([
    'language ai engineer salary',
    'how much does a knowledge graph engineer earn',
    'lab automation engineer pay in SF',
    'teacher salary',
    'what is the salary',
  ])('%j holds no amount at all', (q) => {
    expect(text(q)).not.toMatch(/\$\s?\d/);
  });

  it('is private: pay is only ever shown to the asker unless shared', () => {
    expect(bot.answer('ml systems engineer salary').reply.private).toBe(true);
  });
});

describe('role answers', () => {
  it('offer every other section of the role and its related roles as choices', () => {
    const r = bot.answer('knowledge graph engineer skills').reply;
    const sections = r.choices.filter((c) => c.group === 'section').map((c) => c.label);
    expect(sections).toEqual(['Overview', 'Responsibilities', 'Education', 'Work Environment', 'Challenges']);
    expect(r.choices.some((c) => c.group === 'related')).toBe(true);
  });

  it('say plainly when a role has no such section, listing what it has', () => {
    const t = renderText(bot.answer('knowledge graph engineer trends').reply);
    expect(t).toContain('no trends section');
    expect(t).toContain('It covers: Overview, Responsibilities');
  });

  it('answer a button press through the same core', async () => {
    const r = await bot.handle(press(envelope('console'), { type: 'section', role: 'llm-sme', section: 'challenges' }));
    expect(r.title).toBe('Large Language Model SME · Challenges');
  });

  it('keep slash-command answers private and mention answers public', async () => {
    const base = envelope('slack');
    expect((await bot.handle(command(base, 'llm sme'))).private).toBe(true);
    expect((await bot.handle(question(base, 'mention', 'llm sme'))).private).toBe(false);
    expect((await bot.handle(question(base, 'mention', 'ml systems engineer salary'))).private).toBe(true);
  });

  it('list the roles for a bare /career', async () => {
    const r = await bot.handle(command(envelope('slack'), '  '));
    expect(r.intent).toBe('list');
    expect(r.choices).toHaveLength(5);
  });

  it('say tips are off when no tips handler is configured', async () => {
    const r = await bot.handle(command(envelope('slack'), 'tips status'));
    expect(renderText(r)).toContain('not enabled');
  });
});

describe('tip of the week', () => {
  it('changes with the week and is stable within it', () => {
    const at = (iso: string) => shippedBot(() => new Date(iso)).answer('send me a tip').reply.title;
    expect(at('2026-11-23T09:00:00Z')).toBe(at('2026-11-25T18:00:00Z'));
    expect(at('2026-11-23T09:00:00Z')).not.toBe(at('2026-12-03T09:00:00Z'));
  });
});

describe('actions', () => {
  it.each(SECTION_IDS)("round-trip the %s section button within Discord's 100 characters", (section) => {
    const action = { type: 'section' as const, role: 'laboratory-automation-engineer', section };
    const value = encodeAction(action);
    expect(value.length).toBeLessThanOrEqual(100);
    expect(decodeAction(value)).toEqual(action);
  });

  it.each(['', 'x', 's:UPPER:skills', 's:role:not-a-section', 's:a:b:c', '<script>'])('reject %j', (v) => {
    expect(decodeAction(v)).toBeNull();
  });
});
