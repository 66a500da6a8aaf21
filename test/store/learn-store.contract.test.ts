import { afterEach, describe, expect, it } from 'vitest';
import type { TipStore } from '../../src/store/tip-store.js';
import { BACKENDS, type TestDatabase } from './backends.js';

const open: TipStore[] = [];
const dbs: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(dbs.splice(0).map((d) => d.drop()));
});

describe.each(BACKENDS)('learning store on $name', ({ create }) => {
  const fresh = async () => {
    const db = await create();
    dbs.push(db);
    const store = await db.open();
    open.push(store);
    return store.learning;
  };
  const vote = {
    workspace: 'T1',
    voter: 'h1',
    platform: 'slack',
    intent: 'role',
    roles: ['llm-sme'],
    section: 'skills',
    day: '2026-03-01',
  };

  it('keeps one vote per voter and answer: recorded, unchanged on the same press, changed on the other', async () => {
    const s = await fresh();
    expect(await s.vote({ ...vote, helpful: true })).toBe('recorded');
    expect(await s.vote({ ...vote, helpful: true })).toBe('unchanged');
    expect(await s.vote({ ...vote, helpful: false })).toBe('changed');
    expect(await s.vote({ ...vote, voter: 'h2', helpful: false })).toBe('recorded');
    expect(await s.vote({ ...vote, section: 'overview', helpful: true })).toBe('recorded');
    const { votes } = await s.usage(null, 10);
    expect(votes.find((v) => v.section === 'skills')).toMatchObject({ helpful: 0, notHelpful: 2 });
    expect(votes.find((v) => v.section === 'overview')).toMatchObject({ helpful: 1, notHelpful: 0 });
  });

  it('counts answers per day and kind, and reads them back summed from a day on', async () => {
    const s = await fresh();
    const a = { workspace: 'G1', platform: 'discord', intent: 'salary', roles: ['ml-systems-engineer'], section: null };
    await s.recordAnswer({ ...a, day: '2026-03-01' });
    await s.recordAnswer({ ...a, day: '2026-03-01' });
    await s.recordAnswer({ ...a, day: '2026-03-02' });
    await s.recordAnswer({
      ...a,
      intent: 'compare',
      roles: ['llm-sme', 'knowledge-graph-engineer'],
      section: 'skills',
      day: '2026-03-02',
    });
    const all = await s.usage(null, 10);
    expect(all.answers).toContainEqual({
      platform: 'discord',
      intent: 'salary',
      role: 'ml-systems-engineer',
      section: '',
      count: 3,
    });
    const since = await s.usage('2026-03-02', 10);
    expect(since.answers.find((x) => x.intent === 'salary')?.count).toBe(1);
    expect(since.answers.find((x) => x.intent === 'compare')?.role).toBe('llm-sme,knowledge-graph-engineer');
  });

  it('logs questions, ranks the most frequent texts and recurring unknown roles, and sweeps by day', async () => {
    const s = await fresh();
    const q = { workspace: 'T1', platform: 'slack', reason: 'unknown' as const, intent: 'unknown', suggestions: [] };
    const counted = (day: string) => ({
      day,
      workspace: 'T1',
      platform: 'slack',
      intent: 'unknown',
      roles: [],
      section: null,
    });
    for (const day of ['2026-01-01', '2026-02-01', '2026-02-02'])
      await s.recordAnswer(counted(day), {
        ...q,
        day,
        text: 'what does a blockchain developer do',
        unknownRole: 'blockchain developer',
      });
    await s.recordAnswer(counted('2026-02-02'), {
      ...q,
      day: '2026-02-02',
      text: 'pilot salary',
      unknownRole: null,
      suggestions: ['llm-sme'],
    });
    const u = await s.usage(null, 10);
    expect(u.unanswered[0]).toEqual({ text: 'what does a blockchain developer do', reason: 'unknown', count: 3 });
    expect(u.unknownRoles).toEqual([{ name: 'blockchain developer', count: 3 }]);
    expect(await s.sweepQuestions('2026-02-01')).toBe(1);
    expect((await s.usage(null, 10)).unanswered[0]!.count).toBe(2);
  });

  it("an admin's report reads only their workspace's rows; the operator's reads every row", async () => {
    const s = await fresh();
    const day = '2026-03-01';
    const answer = (workspace: string | null) => ({
      day,
      workspace,
      platform: 'slack',
      intent: 'unknown',
      roles: [],
      section: null,
    });
    const question = (workspace: string | null, text: string) => ({
      day,
      workspace,
      platform: 'slack',
      reason: 'unknown' as const,
      intent: 'unknown',
      text,
      unknownRole: null,
      suggestions: [],
    });
    await s.recordAnswer(answer('T1'), question('T1', 'first team question'));
    await s.recordAnswer(answer('T2'), question('T2', 'second team question'));
    await s.recordAnswer(answer(null), question(null, 'a dm without a server'));
    await s.vote({
      voter: 'v',
      workspace: 'T2',
      platform: 'slack',
      intent: 'role',
      roles: ['llm-sme'],
      section: 'skills',
      helpful: false,
      day,
    });
    const texts = async (w?: string | null) => (await s.usage(null, 10, w)).unanswered.map((q) => q.text).sort();
    expect(await texts('T1')).toEqual(['first team question']);
    expect(await texts('T2')).toEqual(['second team question']);
    expect(await texts(null)).toEqual(['a dm without a server']);
    expect(await texts()).toHaveLength(3);
    expect((await s.usage(null, 10, 'T1')).votes).toEqual([]);
    expect((await s.usage(null, 10, 'T1')).answers.map((a) => a.count)).toEqual([1]);
  });
});
