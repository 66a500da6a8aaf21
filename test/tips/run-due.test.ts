import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Content } from '../../src/core/content/types.js';
import type { WeeklySchedule } from '../../src/core/tips/schedule.js';
import type { ChannelRef } from '../../src/core/tips/subscription.js';
import type { TipPoster } from '../../src/core/tips/tip-poster.js';
import { openDatabase } from '../../src/store/open-store.js';
import { MAX_ATTEMPTS, type TipStore } from '../../src/store/tip-store.js';
import { describeStatus, statusLines } from '../../src/tips/describe-status.js';
import { runDue, type RunReport } from '../../src/tips/run-due.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { contentWithTips, DAY, HOUR, manualClock, MINUTE, NO_PACE, WEEK } from './helpers/fixture.js';
import { memoryLogger } from './helpers/memory-logger.js';
import { gate, recordingPoster } from './helpers/recording-poster.js';

const MON_9_UTC: WeeklySchedule = { day: 'mon', time: '09:00', timeZone: 'UTC' };
const C1: ChannelRef = { platform: 'slack', channelId: 'C1' };
const C2: ChannelRef = { platform: 'slack', channelId: 'C2' };
const D1: ChannelRef = { platform: 'discord', channelId: '900' };

describe.each(BACKENDS)('runDue on $name', ({ create }) => {
  let database: TestDatabase;
  let store: TipStore;
  let content: Content;
  const clock = manualClock('2025-03-05T12:00:00Z'); // a Wednesday
  const logger = memoryLogger();

  beforeEach(async () => {
    database = await create();
    store = await database.open();
    content = contentWithTips();
    clock.set('2025-03-05T12:00:00Z');
    logger.entries.length = 0;
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const run = (posters: TipPoster[], o: { s?: TipStore; c?: Content } = {}): Promise<RunReport> =>
    runDue({ store: o.s ?? store, content: o.c ?? content, posters, clock, logger, pace: NO_PACE, runnerId: 'test' });
  const subscribe = (c: ChannelRef, schedule = MON_9_UTC) =>
    store.subscribe(c, schedule, { at: clock(), by: 'U-admin' });

  it('posts a channel its tip once at the slot, however often it runs that week', async () => {
    await subscribe(C1);
    const slack = recordingPoster('slack');
    clock.set('2025-03-10T08:59:00Z');
    expect((await run([slack])).due).toBe(0);
    clock.set('2025-03-10T09:00:00Z');
    const first = await run([slack]);
    expect(first.counts.posted).toBe(1);
    expect(first.channels[0]).toMatchObject({
      platform: 'slack',
      channelId: 'C1',
      slot: '2025-W11',
      outcome: 'posted',
    });
    await run([slack]);
    clock.add(3 * DAY);
    await run([slack]);
    expect(slack.posts).toHaveLength(1);
    expect(slack.posts[0]!.reply).toMatchObject({ intent: 'tip', private: false });
    expect(slack.posts[0]!.reply.title).toMatch(/^Skill tip: /);
    expect(await store.getDelivery(C1, '2025-W11')).toMatchObject({ status: 'delivered', messageId: 'm1' });
    clock.set('2025-03-17T09:00:00Z');
    await run([slack]);
    expect(slack.posts).toHaveLength(2);
  });

  it('posts at the local time in each zone, across a DST change', async () => {
    const berlin = { platform: 'slack' as const, channelId: 'BERLIN' };
    const delhi = { platform: 'discord' as const, channelId: '555' };
    clock.set('2025-03-20T00:00:00Z');
    await subscribe(berlin, { day: 'mon', time: '09:00', timeZone: 'Europe/Berlin' });
    await subscribe(delhi, { day: 'mon', time: '09:00', timeZone: 'Asia/Kolkata' });
    const slack = recordingPoster('slack');
    const discord = recordingPoster('discord');
    const postedAt: Record<string, string[]> = {};
    // Two weeks (Berlin changes to CEST on 30 Mar; Kolkata has no DST), a minute at a time around the due times.
    for (const t of [
      '2025-03-24T03:29',
      '2025-03-24T03:30',
      '2025-03-24T07:59',
      '2025-03-24T08:00',
      '2025-03-31T03:29',
      '2025-03-31T03:30',
      '2025-03-31T06:59',
      '2025-03-31T07:00',
    ]) {
      clock.set(`${t}:00Z`);
      const r = await run([slack, discord]);
      for (const c of r.channels.filter((x) => x.outcome === 'posted')) (postedAt[c.channelId] ??= []).push(t);
    }
    expect(postedAt).toEqual({
      555: ['2025-03-24T03:30', '2025-03-31T03:30'],
      BERLIN: ['2025-03-24T08:00', '2025-03-31T07:00'],
    });
  });

  it('walks Sunday 02:30 New York across the US spring-forward end to end: the missing hour posts at 03:30 EDT', async () => {
    const york = { platform: 'slack' as const, channelId: 'NEWYORK' };
    clock.set('2025-02-25T12:00:00Z');
    await subscribe(york, { day: 'sun', time: '02:30', timeZone: 'America/New_York' });
    const slack = recordingPoster('slack');
    // 02:30 EST is 07:30Z; on 9 Mar 02:30 does not exist and moves on by the gap to 03:30 EDT, also 07:30Z;
    // then 02:30 EDT is 06:30Z.
    const expected = ['2025-03-02T07:30', '2025-03-09T07:30', '2025-03-16T06:30'];
    // A run every 30 minutes for three weeks, plus one a minute before each expected post.
    const times = new Set<number>();
    for (let t = Date.parse('2025-02-26T00:00:00Z'); t < Date.parse('2025-03-21T00:00:00Z'); t += 30 * MINUTE)
      times.add(t);
    for (const e of expected) times.add(Date.parse(`${e}:00Z`) - MINUTE);
    // The grid also holds the wrong answers for 9 Mar (02:30 read as EDT, 06:30Z; an hour late, 08:30Z):
    // nothing may post then.
    const posted: { at: string; slot: string }[] = [];
    const statusAfter: string[] = [];
    for (const t of [...times].sort((a, b) => a - b)) {
      clock.set(new Date(t).toISOString());
      const r = await run([slack]);
      for (const c of r.channels.filter((x) => x.outcome === 'posted')) {
        posted.push({ at: new Date(t).toISOString().slice(0, 16), slot: c.slot });
        statusAfter.push((await describeStatus(store, content, york, clock())).nextPostLocal ?? '');
      }
    }
    expect(posted).toEqual([
      { at: expected[0], slot: '2025-W09' },
      { at: expected[1], slot: '2025-W10' },
      { at: expected[2], slot: '2025-W11' },
    ]);
    expect(statusAfter).toEqual([
      'Sun 9 Mar 2025, 03:30 GMT-4',
      'Sun 16 Mar 2025, 02:30 GMT-4',
      'Sun 23 Mar 2025, 02:30 GMT-4',
    ]);
    expect(slack.posts).toHaveLength(3);
  });

  it('catches up a slot missed while down, once, later in the same week', async () => {
    await subscribe(C1);
    const slack = recordingPoster('slack');
    clock.set('2025-03-13T17:00:00Z'); // Thursday: the bot was down since before Monday 09:00
    expect((await run([slack])).counts.posted).toBe(1);
    clock.add(MINUTE);
    expect((await run([slack])).counts.posted).toBe(0);
    expect(slack.posts).toHaveLength(1);
  });

  it('does not catch up across weeks: only the current week is posted, no burst', async () => {
    await subscribe(C1);
    const slack = recordingPoster('slack');
    clock.set('2025-03-31T10:00:00Z'); // three Mondays missed
    const r = await run([slack]);
    expect(r.counts.posted).toBe(1);
    expect(r.channels[0]!.slot).toBe('2025-W14');
    expect(slack.posts).toHaveLength(1);
    expect((await store.deliveries(C1)).map((d) => d.slot)).toEqual(['2025-W14']);
    expect(logger.entries.some((e) => e.missed === 3)).toBe(true);
  });

  it('never posts a slot from before the subscription', async () => {
    clock.set('2025-03-10T09:30:00Z'); // Monday, after this week's 09:00
    await subscribe(C1);
    const slack = recordingPoster('slack');
    clock.set('2025-03-16T23:00:00Z');
    expect((await run([slack])).due).toBe(0);
    clock.set('2025-03-17T09:00:00Z');
    expect((await run([slack])).counts.posted).toBe(1);
  });

  it('posts once when two runs race on two connections', async () => {
    for (let i = 0; i < 12; i++) await subscribe({ platform: 'slack', channelId: `C${i}` });
    await subscribe(D1);
    const other = await database.open();
    try {
      const slack = recordingPoster('slack', async () => {
        await new Promise((r) => setImmediate(r));
        return { ok: true };
      });
      const discord = recordingPoster('discord');
      clock.set('2025-03-10T09:00:00Z');
      const [a, b] = await Promise.all([run([slack, discord]), run([slack, discord], { s: other })]);
      expect(a.counts.posted + b.counts.posted).toBe(13);
      expect(slack.posts.map((p) => p.channelId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `C${i}`).sort());
      expect(discord.posts).toHaveLength(1);
      await Promise.all([run([slack, discord]), run([slack, discord], { s: other })]);
      expect(slack.posts).toHaveLength(12);
    } finally {
      await other.close();
    }
  });

  it('never re-posts a slot whose poster died between claim and mark (a miss, not a duplicate)', async () => {
    await subscribe(C1);
    await subscribe(C2);
    clock.set('2025-03-10T09:00:00Z');
    // Process A claims C1 and C2 and hangs in the post: its process is gone.
    const hung = gate<never>();
    const dying = recordingPoster('slack', () => hung.promise);
    void run([dying]);
    await waitUntil(async () => (await store.getDelivery(C2, '2025-W11')) !== undefined);
    // Process B, a minute later: the claims are fresh, so it leaves them alone.
    const slack = recordingPoster('slack');
    clock.add(MINUTE);
    const soon = await run([slack]);
    expect(soon.counts['in-flight']).toBe(2);
    // Later in the week the claims are stale: recorded as unknown, not re-posted.
    clock.add(HOUR);
    const later = await run([slack]);
    expect(later.counts.unknown).toBe(2);
    expect(slack.posts).toHaveLength(0);
    expect(logger.entries.some((e) => e.level === 'warn' && /unknown outcome/.test(String(e.msg)))).toBe(true);
    // And the next week goes out as usual.
    clock.set('2025-03-17T09:00:00Z');
    expect((await run([slack])).counts.posted).toBe(2);
  });

  it('treats a poster that throws as an unknown outcome and carries on with the other channels', async () => {
    await subscribe(C1);
    await subscribe(C2);
    const slack = recordingPoster('slack', (channelId) => {
      if (channelId === 'C1') throw new Error('socket hang up');
      return { ok: true };
    });
    clock.set('2025-03-10T09:00:00Z');
    const r = await run([slack]);
    expect(r.counts).toMatchObject({ unknown: 1, posted: 1 });
    expect(slack.posts.map((p) => p.channelId)).toEqual(['C2']);
    clock.add(HOUR);
    expect((await run([slack])).due).toBe(0);
  });

  it('when stopped while waiting its turn, releases the claim for a later run instead of posting', async () => {
    await subscribe(C1);
    await subscribe(C2);
    clock.set('2025-03-10T09:00:00Z');
    const controller = new AbortController();
    const slack = recordingPoster('slack', () => {
      queueMicrotask(() => controller.abort());
      return { ok: true };
    });
    // One post a second, and a sleep that only ends when the run is stopped.
    const sleep = (ms: number, signal?: AbortSignal) =>
      new Promise<void>((r) => (ms <= 0 || signal?.aborted ? r() : signal?.addEventListener('abort', () => r())));
    const pace = { slack: { perSecond: 1, perChannelMs: 0, concurrency: 2 }, now: () => 0, sleep };
    const r = await runDue({ store, content, posters: [slack], clock, logger, pace, signal: controller.signal });
    expect(r.counts).toMatchObject({ posted: 1, stopped: 1 });
    const held = r.channels.find((c) => c.outcome === 'stopped')!;
    // Released: no attempt used, no backoff, so the very next run may post it.
    expect(await store.getDelivery({ platform: 'slack', channelId: held.channelId }, '2025-W11')).toMatchObject({
      status: 'failed',
      error: 'stopped before posting',
      permanent: false,
      attempts: 0,
      finishedAt: null,
    });
    clock.add(MINUTE);
    expect((await run([slack])).counts.posted).toBe(1);
    expect(slack.posts.map((p) => p.channelId).sort()).toEqual(['C1', 'C2']);
  });

  it('retries a transient failure on a later run in the same week, after a backoff', async () => {
    await subscribe(C1);
    const slack = recordingPoster('slack', (_c, attempt) =>
      attempt === 1 ? { ok: false, permanent: false, reason: 'HTTP 503' } : { ok: true },
    );
    clock.set('2025-03-10T09:00:00Z');
    expect((await run([slack])).counts.failed).toBe(1);
    clock.add(MINUTE);
    expect((await run([slack])).channels[0]).toMatchObject({ outcome: 'retry-later', reason: 'HTTP 503' });
    clock.set('2025-03-10T09:04:00Z'); // base · 2^1 after the failure
    expect((await run([slack])).counts.posted).toBe(1);
    expect(await store.getDelivery(C1, '2025-W11')).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('spaces transient retries out by base·2^attempts and gives up after the last attempt', async () => {
    await subscribe(C1);
    const tries: string[] = [];
    const slack = recordingPoster('slack', () => {
      tries.push(clock().toISOString().slice(11, 16));
      return { ok: false, permanent: false, reason: 'HTTP 400' };
    });
    clock.set('2025-03-10T09:00:00Z');
    const outcomes: string[] = [];
    // A cron tick every minute for two hours.
    for (let m = 0; m <= 120; m++) {
      const r = await run([slack]);
      for (const c of r.channels)
        if (c.outcome !== 'retry-later') outcomes.push(`${clock().toISOString().slice(11, 16)} ${c.outcome}`);
      clock.add(MINUTE);
    }
    expect(tries).toEqual(['09:00', '09:04', '09:12', '09:28', '10:00']);
    expect(outcomes).toEqual(['09:00 failed', '09:04 failed', '09:12 failed', '09:28 failed', '10:00 gave-up']);
    expect(await store.getDelivery(C1, '2025-W11')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect((await store.getSubscription(C1))?.pending.key).toBe('2025-W12');
  });

  it('records a post whose outcome the poster cannot know as unknown: never re-posted, shown in status', async () => {
    await subscribe(C1);
    await subscribe(C2);
    const slack = recordingPoster('slack', (channelId) =>
      channelId === 'C1' ? { ok: false, permanent: false, unknown: true, reason: 'network: timed out' } : { ok: true },
    );
    clock.set('2025-03-10T09:00:00Z');
    const r = await run([slack]);
    expect(r.counts).toMatchObject({ unknown: 1, posted: 1 });
    expect(r.channels.find((c) => c.channelId === 'C1')).toMatchObject({
      outcome: 'unknown',
      reason: 'network: timed out',
    });
    expect(await store.getDelivery(C1, '2025-W11')).toMatchObject({
      status: 'claimed',
      attempts: 1,
      error: 'network: timed out',
    });
    expect((await describeStatus(store, content, C1, clock())).lastDelivery).toMatchObject({
      status: 'unknown',
      error: 'network: timed out',
    });
    expect(logger.entries.filter((e) => e.level === 'error' && e.channel === 'C1')).toHaveLength(1);
    clock.add(DAY);
    expect((await run([slack])).due).toBe(0);
    clock.set('2025-03-17T09:00:00Z');
    expect((await run([recordingPoster('slack')])).counts.posted).toBe(2);
  });

  it('stops posting to a platform whose token is refused: one post tried, claims released, logged once, tips left due', async () => {
    for (let i = 0; i < 6; i++) await subscribe({ platform: 'slack', channelId: `C${i}` });
    await subscribe(D1);
    const refusing = recordingPoster('slack', async () => {
      await new Promise((r) => setImmediate(r));
      return { ok: false, permanent: false, reason: 'invalid_auth', tokenRefused: true };
    });
    let refusedCalls = 0;
    const counted: TipPoster = { ...refusing, post: (...args) => ((refusedCalls += 1), refusing.post(...args)) };
    const discord = recordingPoster('discord');
    clock.set('2025-03-10T09:00:00Z');
    const r = await run([counted, discord]);
    expect(refusedCalls).toBe(1);
    expect(r.counts).toMatchObject({ 'token-refused': 6, posted: 1 });
    const errors = logger.entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ platform: 'slack', reason: 'invalid_auth' });
    for (let i = 0; i < 6; i++) {
      const row = await store.getDelivery({ platform: 'slack', channelId: `C${i}` }, '2025-W11');
      if (row) expect(row).toMatchObject({ status: 'failed', attempts: 0, finishedAt: null });
    }
    clock.add(MINUTE);
    const slack = recordingPoster('slack');
    expect((await run([slack, discord])).counts.posted).toBe(6);
    expect(discord.posts).toHaveLength(1);
  });

  it('is not stopped by one row it cannot use: the others post and are marked before it returns', async () => {
    await subscribe(C1);
    await subscribe(C2);
    // A row no subscribe call could write (the zone is refused there), as a hand edit or another runtime's
    // zone data might leave.
    const { db } = openDatabase({
      ...(database.databaseUrl ? { databaseUrl: database.databaseUrl } : {}),
      dataDir: database.dataDir,
      logger: memoryLogger(),
    });
    try {
      const good = (await store.getSubscription(C1))!;
      await db
        .insertInto('tip_subscriptions')
        .values({
          platform: 'slack',
          channel_id: 'C0-BAD',
          day: 'mon',
          time: '09:00',
          time_zone: 'Mars/Olympus_Mons',
          active: 1,
          subscribed_at: good.subscribedAt.getTime(),
          effective_from: good.effectiveFrom.getTime(),
          updated_at: good.updatedAt.getTime(),
          updated_by: 'hand',
          paused: 0,
          paused_reason: null,
          paused_at: null,
          skip_slot: null,
          next_slot: good.pending.key,
          next_slot_at: good.pending.at,
          next_slot_date: good.pending.date,
          rev: 1,
        })
        .execute();
    } finally {
      await db.destroy();
    }
    // The good channels' posts finish a little after the bad row fails.
    const slack = recordingPoster('slack', async () => {
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      return { ok: true };
    });
    clock.set('2025-03-10T09:00:00Z');
    const r = await run([slack]);
    expect(r.counts).toMatchObject({ posted: 2, error: 1 });
    expect(r.channels.find((c) => c.channelId === 'C0-BAD')).toMatchObject({
      outcome: 'error',
      reason: expect.stringMatching(/time zone/i),
    });
    for (const c of [C1, C2]) expect(await store.getDelivery(c, '2025-W11')).toMatchObject({ status: 'delivered' });
    const bad = await describeStatus(store, content, { platform: 'slack', channelId: 'C0-BAD' }, clock());
    expect(bad).toMatchObject({
      subscribed: true,
      nextPostAt: null,
      problem: expect.stringMatching(/Mars\/Olympus_Mons/),
    });
    expect(statusLines(bad, '/career tips resume').join(' ')).toMatch(/invalid schedule/);
  });

  it('pauses only the channel with a permanent failure, with the reason, and posts the rest', async () => {
    await subscribe(C1);
    await subscribe(C2);
    await subscribe(D1);
    const slack = recordingPoster('slack', (channelId) =>
      channelId === 'C1' ? { ok: false, permanent: true, reason: 'channel_not_found' } : { ok: true },
    );
    const discord = recordingPoster('discord');
    clock.set('2025-03-10T09:00:00Z');
    const r = await run([slack, discord]);
    expect(r.counts).toMatchObject({ paused: 1, posted: 2 });
    expect(await store.getSubscription(C1)).toMatchObject({
      paused: true,
      pausedReason: 'posting failed: channel_not_found',
    });
    expect(await store.getSubscription(C2)).toMatchObject({ paused: false });
    expect(
      logger.entries.some((e) => e.level === 'warn' && e.channel === 'C1' && e.reason === 'channel_not_found'),
    ).toBe(true);
    clock.set('2025-03-17T09:00:00Z');
    const next = await run([slack, discord]);
    expect(next.channels.map((c) => c.channelId).sort()).toEqual(['900', 'C2']);
  });

  it('skips the week an admin skipped, then resumes the rotation', async () => {
    const s = await subscribe(C1);
    await store.skipSlot(C1, s.pending.key, { at: clock(), by: 'U-admin' });
    const slack = recordingPoster('slack');
    clock.set('2025-03-10T09:00:00Z');
    expect((await run([slack])).counts.skipped).toBe(1);
    expect(await store.getDelivery(C1, '2025-W11')).toMatchObject({ status: 'skipped', claimedBy: 'system' });
    expect((await store.getSubscription(C1))?.skipSlot).toBeNull();
    clock.set('2025-03-17T09:00:00Z');
    expect((await run([slack])).counts.posted).toBe(1);
  });

  it('does not post while paused, nor the paused weeks after resuming', async () => {
    await subscribe(C1);
    const slack = recordingPoster('slack');
    await store.setPaused(C1, true, { at: clock(), by: 'U-admin', reason: 'paused by U-admin' });
    clock.set('2025-03-10T09:00:00Z');
    expect((await run([slack])).due).toBe(0);
    clock.set('2025-03-11T12:00:00Z');
    await store.setPaused(C1, false, { at: clock(), by: 'U-admin' });
    expect((await run([slack])).due).toBe(0);
    clock.set('2025-03-17T09:00:00Z');
    expect((await run([slack])).counts.posted).toBe(1);
  });

  it('leaves a platform without a poster for a process that has one', async () => {
    await subscribe(D1);
    clock.set('2025-03-10T09:00:00Z');
    const r = await run([recordingPoster('slack')]);
    expect(r.counts['no-poster']).toBe(1);
    const discord = recordingPoster('discord');
    expect((await run([discord])).counts.posted).toBe(1);
  });

  it('shows each channel every tip before any repeats over 60 weeks, channels independently', async () => {
    const small = contentWithTips(7);
    clock.set('2025-03-08T00:00:00Z');
    await subscribe(C1, { day: 'mon', time: '09:00', timeZone: 'Europe/Berlin' });
    await subscribe(D1, { day: 'fri', time: '17:00', timeZone: 'America/New_York' });
    const slack = recordingPoster('slack');
    const discord = recordingPoster('discord');
    for (let w = 0; w < 60; w++) {
      clock.set(new Date(Date.parse('2025-03-10T12:00:00Z') + w * WEEK).toISOString()); // Monday
      await run([slack, discord], { c: small });
      clock.add(5 * DAY + 11 * HOUR); // Saturday 23:00 UTC
      await run([slack, discord], { c: small });
    }
    for (const posts of [slack.posts, discord.posts]) {
      expect(posts).toHaveLength(60);
      const ids = posts.map((p) => (p.reply.blocks[0]!.type === 'paragraph' ? p.reply.blocks[0]!.text : ''));
      for (let start = 0; start + 7 <= 60; start += 7) expect(new Set(ids.slice(start, start + 7)).size).toBe(7);
    }
    const firstWeekA = slack.posts.slice(0, 7).map((p) => p.reply.title);
    const firstWeekB = discord.posts.slice(0, 7).map((p) => p.reply.title);
    expect(firstWeekA).not.toEqual(firstWeekB);
    const cycles = (await store.deliveries(C1, { limit: 100 })).map((d) => d.cycle);
    expect(Math.max(...cycles)).toBe(8);
  });
});

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('condition never became true');
}
