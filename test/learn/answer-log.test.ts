import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import { main } from '../../src/cli/main.js';
import { createBot } from '../../src/core/bot.js';
import { createAnswerLog } from '../../src/learn/answer-log.js';
import { sweepQuestionLog } from '../../src/learn/question-log-sweep.js';
import { createVoterKey } from '../../src/learn/voter-key.js';
import { openStore } from '../../src/store/open-store.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { registerSecret, sinkStream, testLogger } from '../helpers/log-sink.js';
import { shippedContent } from '../helpers/content.js';
import { envelope, press, question } from '../helpers/messages.js';

const VOTER_SECRET = 'a-test-secret-of-some-length';
registerSecret(VOTER_SECRET);

const dirs: string[] = [];
const stores: TipStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A bot on a SQLite store whose clock the test moves. */
async function setUp(days = 90) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-learn-'));
  dirs.push(dataDir);
  const store = await openStore({ dataDir, logger: testLogger() });
  stores.push(store);
  let now = new Date('2026-03-01T10:00:00Z');
  const clock = () => now;
  const answerLog = createAnswerLog({
    store: store.learning,
    clock,
    questionLogDays: days,
    voterKey: createVoterKey(VOTER_SECRET, testLogger()),
  });
  const bot = createBot({ content: shippedContent(), surface: consoleSurface, clock, answerLog });
  return { dataDir, store, bot, setNow: (d: string) => (now = new Date(d)), clock };
}

async function report(dataDir: string, args: string[] = []): Promise<any> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const code = await main(['report', '--json', ...args], {
    stdin: new PassThrough(),
    stdout,
    stderr: sinkStream('cli stderr'),
    env: { DATA_DIR: dataDir },
  });
  expect(code).toBe(0);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

describe('what the bot learns from use', () => {
  it('report --json on a seeded store: answers by intent, role, section and platform; grouped unanswered questions; unknown roles; least helpful', async () => {
    const { bot, dataDir } = await setUp();
    const slack = envelope('slack', { user: { id: 'U1' } });
    const discord = envelope('discord', { user: { id: '4242' } });
    for (const text of [
      'what skills does an llm sme need',
      'ml systems engineer salary in seattle',
      'knowledge graph engineer vs llm sme',
    ])
      await bot.handle(question(slack, 'command', text));
    await bot.handle(question(discord, 'dm', 'what skills does an llm sme need'));
    for (const text of [
      'What does a blockchain developer do?',
      'what does a blockchain developer do',
      'what do blockchain developers do',
      'blockchain developer salary please',
      'mail me at x@y.com',
    ]) {
      await bot.handle(question(slack, 'dm', text));
    }
    const reply = await bot.handle(question(slack, 'command', 'what skills does an llm sme need'));
    await bot.handle(press(slack, { type: 'feedback', helpful: false, ...reply.feedback! }));
    await bot.handle(press(discord, { type: 'feedback', helpful: false, ...reply.feedback! }));

    const r = await report(dataDir);
    expect(r.answers.total).toBe(10);
    expect(r.answers.byIntent).toMatchObject({ role: 3, salary: 1, compare: 1, unknown: 5 });
    expect(r.answers.byRole['llm-sme']).toBe(4);
    expect(r.answers.bySection.skills).toBe(3);
    expect(r.answers.byPlatform).toEqual({ slack: 9, discord: 1 });
    // Three wordings of one question are one group; the address never reaches the log.
    expect(r.unanswered[0]).toMatchObject({ text: 'what does a blockchain developer do', count: 3, reason: 'unknown' });
    expect(r.unanswered[0].variants).toEqual(['what do blockchain developers do']);
    expect(JSON.stringify(r)).not.toContain('x@y.com');
    expect(r.unanswered.map((q: any) => q.text)).toContain('mail me at <email>');
    expect(r.unknownRoles[0]).toEqual({ name: 'blockchain developer', count: 4 });
    expect(r.leastHelpful[0]).toEqual({
      intent: 'role',
      roles: ['llm-sme'],
      section: 'skills',
      helpful: 0,
      notHelpful: 2,
    });
    expect(r.tips).toEqual({ posted: 0, failed: 0, skipped: 0, paused: 0 });
    expect((await report(dataDir, ['--since', '2026-03-02'])).answers.total).toBe(0);
  });

  it('keeps votes under a keyed hash: the platform user id is nowhere in the database', async () => {
    const { bot, store } = await setUp();
    const env = envelope('slack', { user: { id: 'U0SECRETID' } });
    const reply = await bot.handle(question(env, 'command', 'ml systems engineer skills'));
    expect(reply.feedback).toEqual({ intent: 'role', roles: ['ml-systems-engineer'], section: 'skills' });
    const first = await bot.handle(press(env, { type: 'feedback', helpful: true, ...reply.feedback! }));
    const second = await bot.handle(press(env, { type: 'feedback', helpful: false, ...reply.feedback! }));
    expect(first.private && second.private).toBe(true);
    expect(second.blocks[0]).toMatchObject({ text: expect.stringContaining('changed') });
    const { votes } = await store.learning.usage(null, 10);
    expect(votes).toEqual([
      { intent: 'role', roles: 'ml-systems-engineer', section: 'skills', helpful: 0, notHelpful: 1 },
    ]);
  });

  it('QUESTION_LOG_DAYS=0 logs no question text but still counts answers', async () => {
    const { bot, store } = await setUp(0);
    await bot.handle(question(envelope('slack'), 'dm', 'what does a blockchain developer do'));
    const u = await store.learning.usage(null, 10);
    expect(u.unanswered).toEqual([]);
    expect(u.answers[0]).toMatchObject({ intent: 'unknown', count: 1 });
  });

  it('the retention sweep deletes questions older than the kept days, by the injected clock', async () => {
    const { bot, store, setNow, clock } = await setUp(90);
    const ask = (text: string) => bot.handle(question(envelope('slack'), 'dm', text));
    setNow('2026-01-01T23:00:00Z');
    await ask('what does a blockchain developer do');
    setNow('2026-01-02T01:00:00Z');
    await ask('what does a pilot do');
    setNow('2026-04-01T12:00:00Z'); // 90 days on from Jan 2 is Apr 1: Jan 1 is past, Jan 2 is the oldest kept day
    expect(await sweepQuestionLog(store.learning, 90, clock())).toBe(1);
    expect((await store.learning.usage(null, 10)).unanswered.map((q) => q.text)).toEqual(['what does a pilot do']);
    setNow('2026-04-02T00:00:01Z');
    expect(await sweepQuestionLog(store.learning, 90, clock())).toBe(1);
  });
});
