import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TipStore } from '../../src/store/tip-store.js';
import { startTipScheduler } from '../../src/tips/tip-scheduler.js';
import { sqliteDatabase, type TestDatabase } from '../store/backends.js';
import { contentWithTips, manualClock, NO_PACE } from './helpers/fixture.js';
import { memoryLogger } from './helpers/memory-logger.js';
import { gate, recordingPoster } from './helpers/recording-poster.js';

const content = contentWithTips();
const NEVER = '0 0 1 1 *'; // once a year: these tests drive runs themselves

describe('the in-process tip scheduler', () => {
  let database: TestDatabase;
  let store: TipStore;
  const clock = manualClock('2025-03-05T12:00:00Z');
  const logger = memoryLogger();

  beforeEach(async () => {
    database = await sqliteDatabase();
    store = await database.open();
    clock.set('2025-03-05T12:00:00Z');
    for (const channelId of ['C1', 'C2'])
      await store.subscribe(
        { platform: 'slack', channelId },
        { day: 'mon', time: '09:00', timeZone: 'UTC' },
        { at: clock(), by: 'U1' },
      );
    clock.set('2025-03-10T09:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('runs once at start to catch up, and stop() waits for the posts in flight and takes no new ones', async () => {
    const held = gate();
    const reached = gate();
    const slack = recordingPoster('slack', async () => {
      reached.open();
      await held.promise;
      return { ok: true };
    });
    const scheduler = startTipScheduler({
      store,
      content,
      posters: [slack],
      clock,
      logger,
      cron: NEVER,
      pace: { slack: { perSecond: 0, perChannelMs: 0, concurrency: 1 } },
    });
    await reached.promise;
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    held.open();
    await stopping;
    // The post in flight was finished and marked; the second channel was not started.
    expect(slack.posts.map((p) => p.channelId)).toEqual(['C1']);
    expect(await store.getDelivery({ platform: 'slack', channelId: 'C1' }, '2025-W11')).toMatchObject({
      status: 'delivered',
    });
    expect(await store.getDelivery({ platform: 'slack', channelId: 'C2' }, '2025-W11')).toBeUndefined();
    await scheduler.stop();
    expect(await scheduler.runNow()).toBeNull();
  });

  it('does not stack runs: a tick during a run joins it', async () => {
    const slack = recordingPoster('slack');
    const scheduler = startTipScheduler({
      store,
      content,
      posters: [slack],
      clock,
      logger,
      cron: NEVER,
      runOnStart: false,
      pace: NO_PACE,
    });
    const [a, b] = await Promise.all([scheduler.runNow(), scheduler.runNow()]);
    expect(a).toBe(b);
    expect(a?.counts.posted).toBe(2);
    expect((await scheduler.runNow())?.due).toBe(0);
    await scheduler.stop();
    expect(slack.posts).toHaveLength(2);
  });

  it('asks what is due on each cron tick', async () => {
    const posted = gate();
    const slack = recordingPoster('slack', () => {
      posted.open();
      return { ok: true };
    });
    const scheduler = startTipScheduler({
      store,
      content,
      posters: [slack],
      clock,
      logger,
      cron: '* * * * * *',
      runOnStart: false,
      pace: NO_PACE,
    });
    try {
      await posted.promise; // the first every-second tick
    } finally {
      await scheduler.stop();
    }
    expect(slack.posts.length).toBeGreaterThan(0);
  });

  it('lets one replica at a time run the fan-out through the store lease', async () => {
    const held = gate();
    const reached = gate();
    const a = recordingPoster('slack', async () => {
      reached.open();
      await held.promise;
      return { ok: true };
    });
    const b = recordingPoster('slack');
    const other = await database.open();
    const first = startTipScheduler({
      store,
      content,
      posters: [a],
      clock,
      logger,
      cron: NEVER,
      runOnStart: false,
      pace: NO_PACE,
    });
    const second = startTipScheduler({
      store: other,
      content,
      posters: [b],
      clock,
      logger,
      cron: NEVER,
      runOnStart: false,
      pace: NO_PACE,
    });
    try {
      const running = first.runNow();
      await reached.promise;
      expect(await second.runNow()).toBeNull();
      held.open();
      expect((await running)?.counts.posted).toBe(2);
      expect((await second.runNow())?.due).toBe(0); // the lease was released
      expect(b.posts).toHaveLength(0);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await other.close();
    }
  });

  it('logs a failed run and keeps ticking: a later tick posts', async () => {
    let failures = 1;
    const flaky = {
      ...store,
      dueSubscriptions: (now: Date) =>
        failures-- > 0 ? Promise.reject(new Error('database is down')) : store.dueSubscriptions(now),
    };
    const posted = gate();
    let n = 0;
    const slack = recordingPoster('slack', () => {
      if (++n === 2) posted.open();
      return { ok: true };
    });
    // The run at start fails; the every-second cron ticks on and a later run posts.
    const scheduler = startTipScheduler({
      store: flaky,
      content,
      posters: [slack],
      clock,
      logger,
      cron: '* * * * * *',
      pace: NO_PACE,
      lease: false,
    });
    try {
      await posted.promise;
    } finally {
      await scheduler.stop();
    }
    expect(
      logger.entries.some(
        (e) =>
          e.level === 'error' &&
          /run failed/.test(String(e.msg)) &&
          /database is down/.test(String((e.err as Error)?.message)),
      ),
    ).toBe(true);
    expect(slack.posts.map((p) => p.channelId).sort()).toEqual(['C1', 'C2']);
    expect(await store.getDelivery({ platform: 'slack', channelId: 'C1' }, '2025-W11')).toMatchObject({
      status: 'delivered',
    });
  });
});
