import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordPoster } from '../../src/adapters/discord/discord-poster.js';
import { createSlackPoster } from '../../src/adapters/slack/slack-poster.js';
import type { TipPoster } from '../../src/core/tips/tip-poster.js';
import { RETRY_BASE_MS, type TipStore } from '../../src/store/tip-store.js';
import { describeStatus } from '../../src/tips/describe-status.js';
import { runDue } from '../../src/tips/run-due.js';
import { registerSecret } from '../helpers/log-sink.js';
import { sqliteDatabase, type TestDatabase } from '../store/backends.js';
import { startFakeApis, type FakeApis, type FailKind, type Platform } from './helpers/fake-apis.mjs';
import { contentWithTips, DAY, HOUR, manualClock, MINUTE } from './helpers/fixture.js';
import { memoryLogger } from './helpers/memory-logger.js';

const content = contentWithTips();
const SLACK_TOKEN = 'xoxb-test-token';
const DISCORD_TOKEN = 'discord-test-token-0123456789';
registerSecret(SLACK_TOKEN);
registerSecret(DISCORD_TOKEN);
/** The posters' request timeout in the tests that need one to pass; the fake answers "late" after LATE_MS. */
const SHORT_TIMEOUT_MS = 400;
const LATE_MS = 1_500;

describe('weekly tips through the real Slack and Discord posters', () => {
  let fake: FakeApis;
  let database: TestDatabase;
  let store: TipStore;
  let posters: TipPoster[];
  const clock = manualClock('2025-03-05T12:00:00Z');
  const logger = memoryLogger();

  const makePosters = (timeoutMs?: number): TipPoster[] => [
    createSlackPoster({ token: SLACK_TOKEN, apiUrl: fake.slackApiUrl, logger, ...(timeoutMs ? { timeoutMs } : {}) }),
    createDiscordPoster({
      token: DISCORD_TOKEN,
      apiUrl: fake.discordApiUrl,
      logger,
      ...(timeoutMs ? { timeoutMs } : {}),
    }),
  ];
  const run = () => runDue({ store, content, posters, clock, logger });
  const requestsTo = (platform: Platform, channel: string) =>
    fake.posts.filter((p) => p.platform === platform && p.channel === channel);

  beforeEach(async () => {
    fake = await startFakeApis({ lateMs: LATE_MS });
    database = await sqliteDatabase();
    store = await database.open();
    clock.set('2025-03-05T12:00:00Z');
    logger.entries.length = 0;
    posters = makePosters();
    for (const channelId of ['C1', 'C2'])
      await store.subscribe(
        { platform: 'slack', channelId },
        { day: 'mon', time: '09:00', timeZone: 'UTC' },
        { at: clock(), by: 'U1' },
      );
    for (const channelId of ['9001', '9002'])
      await store.subscribe(
        { platform: 'discord', channelId },
        { day: 'mon', time: '09:00', timeZone: 'UTC' },
        { at: clock(), by: 'U1' },
      );
    clock.set('2025-03-10T09:00:00Z');
  });
  afterEach(async () => {
    await Promise.all(posters.map((p) => p.stop()));
    await store.close();
    await database.drop();
    await fake.close();
  });

  it('waits out a 429 (Retry-After) and posts each channel once, with a Discord nonce per claim', async () => {
    fake.failNext('slack', 'C1', '429');
    fake.failNext('discord', '9001', '429');
    const report = await run();
    expect(report.counts.posted).toBe(4);
    expect(
      fake.posts
        .filter((p) => p.outcome === '429')
        .map((p) => `${p.platform}:${p.channel}`)
        .sort(),
    ).toEqual(['discord:9001', 'slack:C1']);
    for (const [platform, channel] of [
      ['slack', 'C1'],
      ['slack', 'C2'],
      ['discord', '9001'],
      ['discord', '9002'],
    ] as const) {
      expect(fake.delivered[platform].get(channel)).toBe(1);
    }
    const slackBody = fake.posts.find((p) => p.platform === 'slack' && p.status === 200)!.body;
    expect(slackBody.text).toMatch(/Skill tip/);
    const discordPosts = fake.posts.filter((p) => p.platform === 'discord' && p.status === 200);
    expect(discordPosts[0]!.body.embeds[0].title).toMatch(/^Skill tip: /);
    // Derived from the ledger claim: the same on a re-send of the claim, different per channel, within Discord's 25.
    const delivery = await store.getDelivery({ platform: 'discord', channelId: '9001' }, '2025-W11');
    const sent = requestsTo('discord', '9001').map((p) => p.body);
    expect(sent.map((b) => b.nonce)).toEqual([`tip-${delivery!.id}-2025-W11`, `tip-${delivery!.id}-2025-W11`]);
    expect(sent.every((b) => b.enforce_nonce === true && b.nonce.length <= 25)).toBe(true);
  }, 20_000);

  it('pauses only the channels the platforms say are gone', async () => {
    fake.failNext('slack', 'C2', 'permanent');
    fake.failNext('discord', '9002', 'permanent');
    const report = await run();
    expect(report.counts).toMatchObject({ posted: 2, paused: 2 });
    expect(await store.getSubscription({ platform: 'slack', channelId: 'C2' })).toMatchObject({
      paused: true,
      pausedReason: 'posting failed: channel_not_found',
    });
    expect((await store.getSubscription({ platform: 'discord', channelId: '9002' }))?.pausedReason).toMatch(
      /^posting failed: discord 404 \(code 10003\)/,
    );
    expect(await store.getSubscription({ platform: 'slack', channelId: 'C1' })).toMatchObject({ paused: false });
  });

  it('retries a refusal that posted nothing on a later run, after its backoff, posting once', async () => {
    fake.failNext('slack', 'C1', 'refused');
    fake.failNext('discord', '9001', 'refused');
    const first = await run();
    expect(first.counts).toMatchObject({ posted: 2, failed: 2 });
    // One request each: the clients do not re-send on their own.
    expect(requestsTo('slack', 'C1')).toHaveLength(1);
    expect(requestsTo('discord', '9001')).toHaveLength(1);
    clock.add(MINUTE);
    expect((await run()).counts['retry-later']).toBe(2);
    clock.add(2 * RETRY_BASE_MS);
    expect((await run()).counts.posted).toBe(2);
    expect(fake.delivered.slack.get('C1')).toBe(1);
    expect(fake.delivered.discord.get('9001')).toBe(1);
    expect(await store.getDelivery({ platform: 'slack', channelId: 'C1' }, '2025-W11')).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });
  }, 30_000);

  const ambiguous: [Platform, string, FailKind][] = [];
  for (const kind of ['deliver-then-500', 'deliver-then-late', 'deliver-then-reset'] as const)
    ambiguous.push(['slack', 'C1', kind], ['discord', '9001', kind]);

  it.each(ambiguous)(
    '%s channel %s, stored then %s: one message, its outcome unknown, never re-posted',
    async (platform, channelId, kind) => {
      await Promise.all(posters.map((p) => p.stop()));
      posters = makePosters(SHORT_TIMEOUT_MS);
      fake.failNext(platform, channelId, kind);
      const first = await run();
      expect(first.channels.find((c) => c.channelId === channelId)).toMatchObject({
        outcome: 'unknown',
        reason: expect.any(String),
      });
      expect(first.counts.posted).toBe(3);
      // The client sent it once and did not re-send after the 500, the timeout or the reset.
      expect(requestsTo(platform, channelId)).toHaveLength(1);
      expect(fake.delivered[platform].get(channelId)).toBe(1);
      const ref = { platform, channelId };
      expect(await store.getDelivery(ref, '2025-W11')).toMatchObject({
        status: 'claimed',
        error: expect.any(String),
        finishedAt: expect.any(Date),
      });
      expect((await describeStatus(store, content, ref, clock())).lastDelivery).toMatchObject({
        slot: '2025-W11',
        status: 'unknown',
      });
      expect(
        logger.entries.some(
          (e) => e.level === 'error' && e.channel === channelId && /outcome is unknown/.test(String(e.msg)),
        ),
      ).toBe(true);

      // Later runs in the same week, past any backoff and the stale-claim window: nothing more for this channel.
      for (const later of [MINUTE, HOUR, DAY]) {
        clock.add(later);
        expect((await run()).due).toBe(0);
      }
      expect(requestsTo(platform, channelId)).toHaveLength(1);
      expect(fake.delivered[platform].get(channelId)).toBe(1);

      // The next week goes out as usual (posters with the usual timeout, which wait out the fake's 1-per-second 429s).
      await Promise.all(posters.map((p) => p.stop()));
      posters = makePosters();
      clock.set('2025-03-17T09:00:00Z');
      expect((await run()).counts.posted).toBe(4);
      expect(fake.delivered[platform].get(channelId)).toBe(2);
    },
    30_000,
  );

  it('has Discord return the first message when the same claim is sent again (nonce + enforce_nonce)', async () => {
    const discord = posters[1]!;
    const reply = {
      intent: 'tip' as const,
      title: 'Skill tip: x',
      blocks: [{ type: 'paragraph' as const, text: 'x' }],
      choices: [],
      private: false,
    };
    const a = await discord.post('9001', reply, { idempotencyKey: 'tip-7-2025-W11' });
    const b = await discord.post('9001', reply, { idempotencyKey: 'tip-7-2025-W11' });
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(fake.delivered.discord.get('9001')).toBe(1);
    expect(fake.deduplicated.discord).toBe(1);
  });

  it('does not wait out a 429 that would run past the post budget: not posted, retried later', async () => {
    await Promise.all(posters.map((p) => p.stop()));
    posters = makePosters(SHORT_TIMEOUT_MS); // a budget of 800 ms; the fake asks for 1 s
    fake.failNext('slack', 'C1', '429');
    const first = await run();
    expect(first.channels.find((c) => c.channelId === 'C1')).toMatchObject({
      outcome: 'failed',
      reason: 'ratelimited',
    });
    expect(requestsTo('slack', 'C1')).toHaveLength(1);
    clock.add(2 * RETRY_BASE_MS);
    expect((await run()).counts.posted).toBe(1);
    expect(fake.delivered.slack.get('C1')).toBe(1);
  }, 20_000);

  it('stops a platform whose token is refused after one request, logs it once, and leaves its tips due', async () => {
    for (const channelId of ['C3', 'C4', 'C5'])
      await store.subscribe(
        { platform: 'slack', channelId },
        { day: 'mon', time: '09:00', timeZone: 'UTC' },
        { at: new Date('2025-03-05T12:00:00Z'), by: 'U1' },
      );
    fake.refuseToken('slack');
    fake.refuseToken('discord');
    const first = await run();
    expect(first.counts['token-refused']).toBe(7);
    expect(fake.posts.filter((p) => p.platform === 'slack')).toHaveLength(1);
    expect(fake.posts.filter((p) => p.platform === 'discord')).toHaveLength(1);
    const errors = logger.entries.filter((e) => e.level === 'error');
    expect(errors.map((e) => e.platform).sort()).toEqual(['discord', 'slack']);
    expect(errors.every((e) => /refused the bot token/.test(String(e.msg)))).toBe(true);
    // The probe's claim went back without using an attempt; the others were never claimed.
    // (Workers that claimed while the probe was out released theirs; later ones claimed nothing.)
    const rows = (
      await Promise.all(
        ['C1', 'C2', 'C3', 'C4', 'C5'].map((channelId) => store.deliveries({ platform: 'slack', channelId })),
      )
    ).flat();
    expect(rows.length).toBeGreaterThan(0);
    for (const d of rows) expect(d).toMatchObject({ status: 'failed', attempts: 0, finishedAt: null });

    // Fixed token: the next run posts everything, once.
    fake.refuseToken('slack', false);
    fake.refuseToken('discord', false);
    clock.add(MINUTE);
    expect((await run()).counts.posted).toBe(7);
    for (const channelId of ['C1', 'C2', 'C3', 'C4', 'C5']) expect(fake.delivered.slack.get(channelId)).toBe(1);
    for (const channelId of ['9001', '9002']) expect(fake.delivered.discord.get(channelId)).toBe(1);
  }, 30_000);
});
