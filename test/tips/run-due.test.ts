import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Content } from '../../src/core/content/types.js';
import type { WeeklySchedule } from '../../src/core/tips/schedule.js';
import type { ChannelRef } from '../../src/core/tips/subscription.js';
import type { TipPoster } from '../../src/core/tips/tip-poster.js';
import type { TipStore } from '../../src/store/tip-store.js';
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
  const subscribe = (c: ChannelRef, schedule = MON_9_UTC) => store.subscribe(c, schedule, { at: clock(), by: 'U-admin' });

  it('posts a channel its tip once at the slot, however often it runs that week', async () => {
    await subscribe(C1);
    const slack = recordingPoster('slack');
    clock.set('2025-03-10T08:59:00Z');
    expect((await run([slack])).due).toBe(0);
    clock.set('2025-03-10T09:00:00Z');
    const first = await run([slack]);
    expect(first.counts.posted).toBe(1);
    expect(first.channels[0]).toMatchObject({ platform: 'slack', channelId: 'C1', slot: '2025-W11', outcome: 'posted' });
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
    const york = { platform: 'slack' as const, channelId: 'NEWYORK' };
    const delhi = { platform: 'discord' as const, channelId: '555' };
    clock.set('2025-03-20T00:00:00Z');
    await subscribe(berlin, { day: 'mon', time: '09:00', timeZone: 'Europe/Berlin' });
    await subscribe(york, { day: 'sun', time: '02:30', timeZone: 'America/New_York' });
    await subscribe(delhi, { day: 'mon', time: '09:00', timeZone: 'Asia/Kolkata' });
    const slack = recordingPoster('slack');
    const discord = recordingPoster('discord');
    const postedAt: Record<string, string[]> = {};
    // Walk two weeks (Berlin changes to CEST on 30 Mar) a minute at a time around the due times.
    for (const t of ['2025-03-23T06:29', '2025-03-23T06:30', '2025-03-24T03:29', '2025-03-24T03:30', '2025-03-24T07:59', '2025-03-24T08:00',
      '2025-03-30T06:29', '2025-03-30T06:30', '2025-03-31T03:30', '2025-03-31T06:59', '2025-03-31T07:00']) {
      clock.set(`${t}:00Z`);
      const r = await run([slack, discord]);
      for (const c of r.channels.filter((x) => x.outcome === 'posted')) (postedAt[c.channelId] ??= []).push(t);
    }
    expect(postedAt).toEqual({
      NEWYORK: ['2025-03-23T06:30', '2025-03-30T06:30'],
      555: ['2025-03-24T03:30', '2025-03-31T03:30'],
      BERLIN: ['2025-03-24T08:00', '2025-03-31T07:00'],
    });
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
    const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((r) => (ms <= 0 || signal?.aborted ? r() : signal?.addEventListener('abort', () => r())));
    const pace = { slack: { perSecond: 1, perChannelMs: 0, concurrency: 2 }, now: () => 0, sleep };
    const r = await runDue({ store, content, posters: [slack], clock, logger, pace, signal: controller.signal });
    expect(r.counts).toMatchObject({ posted: 1, stopped: 1 });
    const held = r.channels.find((c) => c.outcome === 'stopped')!;
    expect(await store.getDelivery({ platform: 'slack', channelId: held.channelId }, '2025-W11')).toMatchObject({ status: 'failed', error: 'stopped before posting', permanent: false });
    clock.add(MINUTE);
    expect((await run([slack])).counts.posted).toBe(1);
    expect(slack.posts.map((p) => p.channelId).sort()).toEqual(['C1', 'C2']);
  });

  it('retries a transient failure on a later run in the same week', async () => {
    await subscribe(C1);
    const slack = recordingPoster('slack', (_c, attempt) => (attempt === 1 ? { ok: false, permanent: false, reason: 'HTTP 503' } : { ok: true }));
    clock.set('2025-03-10T09:00:00Z');
    expect((await run([slack])).counts.failed).toBe(1);
    clock.add(MINUTE);
    expect((await run([slack])).counts.posted).toBe(1);
    expect(await store.getDelivery(C1, '2025-W11')).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('pauses only the channel with a permanent failure, with the reason, and posts the rest', async () => {
    await subscribe(C1);
    await subscribe(C2);
    await subscribe(D1);
    const slack = recordingPoster('slack', (channelId) => (channelId === 'C1' ? { ok: false, permanent: true, reason: 'channel_not_found' } : { ok: true }));
    const discord = recordingPoster('discord');
    clock.set('2025-03-10T09:00:00Z');
    const r = await run([slack, discord]);
    expect(r.counts).toMatchObject({ paused: 1, posted: 2 });
    expect(await store.getSubscription(C1)).toMatchObject({ paused: true, pausedReason: 'posting failed: channel_not_found' });
    expect(await store.getSubscription(C2)).toMatchObject({ paused: false });
    expect(logger.entries.some((e) => e.level === 'warn' && e.channel === 'C1' && e.reason === 'channel_not_found')).toBe(true);
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
    expect(await store.getDelivery(C1, '2025-W11')).toMatchObject({ status: 'skipped' });
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
      const ids = posts.map((p) => p.reply.blocks[0]!.type === 'paragraph' ? p.reply.blocks[0]!.text : '');
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
