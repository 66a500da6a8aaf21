import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WeeklySchedule } from '../../src/core/tips/schedule.js';
import { firstSlotFrom, followingSlot } from '../../src/core/tips/slots.js';
import type { ChannelRef } from '../../src/core/tips/subscription.js';
import { migrate } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/open-store.js';
import { isRetryable, MAX_ATTEMPTS, RETRY_BASE_MS, retryDelayMs, type TipStore } from '../../src/store/tip-store.js';
import { testLogger } from '../helpers/log-sink.js';
import { BACKENDS, type TestDatabase } from './backends.js';

const MON_9_BERLIN: WeeklySchedule = { day: 'mon', time: '09:00', timeZone: 'Europe/Berlin' };
const at = (s: string) => new Date(s);
const C1: ChannelRef = { platform: 'slack', channelId: 'C1' };
const D1: ChannelRef = { platform: 'discord', channelId: '1000' };

describe.each(BACKENDS)('TipStore on $name', ({ name, create }) => {
  let database: TestDatabase;
  let store: TipStore;
  const extra: TipStore[] = [];

  beforeEach(async () => {
    database = await create();
    store = await database.open();
  });
  afterEach(async () => {
    await Promise.all([store, ...extra.splice(0)].map((s) => s.close()));
    await database.drop();
  });

  const claim = (
    s: TipStore,
    c: ChannelRef,
    slotKey = '2025-W11',
    tipId = 't1',
    by = 'p1',
    when = at('2025-03-10T08:00:00Z'),
  ) =>
    s.claimDelivery({
      ...c,
      slot: { key: slotKey, at: Date.parse('2025-03-10T08:00:00Z'), date: '2025-03-10' },
      tipId,
      cycle: 0,
      at: when,
      by,
    });

  it('subscribes with the first slot at or after the subscription, and reschedules', async () => {
    const s = await store.subscribe(C1, MON_9_BERLIN, { at: at('2025-03-05T10:00:00Z'), by: 'U1' });
    expect(s).toMatchObject({
      ...C1,
      active: true,
      paused: false,
      rev: 1,
      updatedBy: 'U1',
      pending: { key: '2025-W11', date: '2025-03-10', at: Date.parse('2025-03-10T08:00:00Z') },
    });
    const r = await store.subscribe(C1, { ...MON_9_BERLIN, day: 'fri' }, { at: at('2025-03-06T10:00:00Z'), by: 'U2' });
    expect(r).toMatchObject({ rev: 2, updatedBy: 'U2', schedule: { day: 'fri' }, pending: { date: '2025-03-07' } });
    expect(r.subscribedAt).toEqual(s.subscribedAt);
    expect(r.effectiveFrom).toEqual(at('2025-03-06T10:00:00Z'));
    expect(await store.getSubscription(D1)).toBeUndefined();
  });

  it('unsubscribes, lists active ones, and keeps the row for a later re-subscription', async () => {
    await store.subscribe(C1, MON_9_BERLIN, { at: at('2025-03-05T10:00:00Z'), by: 'U1' });
    await store.subscribe(D1, MON_9_BERLIN, { at: at('2025-03-05T10:00:00Z'), by: 'U1' });
    expect(await store.unsubscribe(C1, { at: at('2025-03-06T00:00:00Z'), by: 'U1' })).toBe(true);
    expect(await store.unsubscribe(C1, { at: at('2025-03-06T00:00:00Z'), by: 'U1' })).toBe(false);
    expect((await store.listSubscriptions()).map((s) => s.channelId)).toEqual(['1000']);
    expect((await store.listSubscriptions({ includeInactive: true })).length).toBe(2);
    expect((await store.listSubscriptions({ platform: 'slack' })).length).toBe(0);
    expect(await store.getSubscription(C1)).toMatchObject({ active: false });
    expect(await store.setPaused(C1, true, { at: at('2025-03-06T00:00:00Z'), by: 'U1' })).toBeUndefined();
  });

  it('pauses with a reason, and resuming starts from the resumption', async () => {
    await store.subscribe(C1, MON_9_BERLIN, { at: at('2025-03-05T10:00:00Z'), by: 'U1' });
    await store.skipSlot(C1, '2025-W11', { at: at('2025-03-05T11:00:00Z'), by: 'U1' });
    await store.pauseWithReason(C1, 'posting failed: channel_not_found', {
      at: at('2025-03-10T08:00:00Z'),
      by: 'system',
    });
    expect(await store.getSubscription(C1)).toMatchObject({
      paused: true,
      pausedReason: 'posting failed: channel_not_found',
      updatedBy: 'system',
    });
    expect(await store.dueSubscriptions(at('2025-03-20T00:00:00Z'))).toEqual([]);
    const resumed = await store.setPaused(C1, false, { at: at('2025-03-20T00:00:00Z'), by: 'U2' });
    expect(resumed).toMatchObject({
      paused: false,
      pausedReason: null,
      skipSlot: null,
      rev: 2,
      pending: { date: '2025-03-24' },
    });
    expect(resumed?.effectiveFrom).toEqual(at('2025-03-20T00:00:00Z'));
  });

  it('lists due subscriptions, and advances only forward and only for the current schedule', async () => {
    const s = await store.subscribe(C1, MON_9_BERLIN, { at: at('2025-03-05T10:00:00Z'), by: 'U1' });
    await store.subscribe(D1, { ...MON_9_BERLIN, day: 'wed' }, { at: at('2025-03-05T10:00:00Z'), by: 'U1' });
    expect(await store.dueSubscriptions(at('2025-03-10T07:59:59Z'))).toEqual([]);
    expect((await store.dueSubscriptions(at('2025-03-10T08:00:00Z'))).map((x) => x.channelId)).toEqual(['C1']);
    const next = followingSlot(MON_9_BERLIN, s.pending);
    expect(await store.advance(C1, s.rev + 1, next, false)).toBe(false);
    expect(await store.advance(C1, s.rev, next, false)).toBe(true);
    expect(await store.advance(C1, s.rev, s.pending, false)).toBe(false);
    expect((await store.getSubscription(C1))?.pending).toEqual(next);
  });

  it('claims a slot once; a second claimer sees the holder', async () => {
    const first = await claim(store, C1);
    expect(first).toMatchObject({ claimed: true, attempts: 1 });
    const second = await claim(store, C1, '2025-W11', 't2', 'p2');
    expect(second).toMatchObject({ claimed: false, existing: { status: 'claimed', claimedBy: 'p1', tipId: 't1' } });
    expect(await claim(store, D1)).toMatchObject({ claimed: true });
    expect(await claim(store, C1, '2025-W12')).toMatchObject({ claimed: true });
  });

  it('lets exactly one of many concurrent claimers through, across connections', async () => {
    const other = await database.open();
    extra.push(other);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => claim(i % 2 ? other : store, C1, '2025-W11', 't1', `p${i}`)),
    );
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
  });

  it('takes over a transient failure after its backoff (up to the attempt limit) but never a permanent one or a delivered one', async () => {
    let t = Date.parse('2025-03-10T08:00:00Z');
    const c = await claim(store, C1, '2025-W11', 't1', 'p1', new Date(t));
    if (!c.claimed) throw new Error('not claimed');
    await store.markFailed(c.id, { at: new Date(t), reason: 'HTTP 500', permanent: false });
    for (let n = 2; n <= MAX_ATTEMPTS; n++) {
      // After n-1 failed posts the slot waits base·2^(n-1); a millisecond early it is still held.
      const wait = retryDelayMs(n - 1);
      expect(wait).toBe(RETRY_BASE_MS * 2 ** (n - 1));
      expect(await claim(store, C1, '2025-W11', 't9', `p${n}`, new Date(t + wait - 1))).toMatchObject({
        claimed: false,
        existing: { status: 'failed', attempts: n - 1 },
      });
      t += wait;
      const again = await claim(store, C1, '2025-W11', 't9', `p${n}`, new Date(t));
      expect(again).toMatchObject({ claimed: true, attempts: n });
      if (again.claimed) await store.markFailed(again.id, { at: new Date(t), reason: 'HTTP 500', permanent: false });
    }
    expect(await claim(store, C1, '2025-W11', 't1', 'p1', new Date(t + 7 * 24 * 3600_000))).toMatchObject({
      claimed: false,
      existing: { status: 'failed', attempts: MAX_ATTEMPTS },
    });

    const p = await claim(store, D1);
    if (p.claimed)
      await store.markFailed(p.id, { at: at('2025-03-10T08:00:01Z'), reason: 'channel_not_found', permanent: true });
    expect(await claim(store, D1, '2025-W11', 't1', 'p1', at('2025-03-11T08:00:00Z'))).toMatchObject({
      claimed: false,
      existing: { status: 'failed', permanent: true, error: 'channel_not_found' },
    });

    const d = await claim(store, C1, '2025-W12');
    if (d.claimed) await store.markDelivered(d.id, { at: at('2025-03-17T08:00:01Z'), messageId: 'ts-1' });
    expect(await store.getDelivery(C1, '2025-W12')).toMatchObject({
      status: 'delivered',
      messageId: 'ts-1',
      finishedAt: at('2025-03-17T08:00:01Z'),
    });
    expect(await claim(store, C1, '2025-W12', 't1', 'p1', at('2025-03-18T08:00:00Z'))).toMatchObject({
      claimed: false,
      existing: { status: 'delivered' },
    });
  });

  it('claims exactly what isRetryable allows: the SQL and the shared rule agree', async () => {
    const { db } = openDatabase({
      ...(database.databaseUrl ? { databaseUrl: database.databaseUrl } : {}),
      dataDir: database.dataDir,
      logger: testLogger(),
    });
    try {
      const finished = Date.parse('2025-03-10T08:00:00Z');
      let week = 10;
      for (const status of ['failed', 'claimed', 'delivered'] as const) {
        for (const permanent of [0, 1]) {
          for (let attempts = 0; attempts <= MAX_ATTEMPTS; attempts++) {
            for (const finishedAt of [null, finished]) {
              for (const after of [0, retryDelayMs(attempts) - 1, retryDelayMs(attempts)]) {
                const slot = `2025-W${week++}`;
                const row = {
                  platform: C1.platform,
                  channel_id: C1.channelId,
                  slot,
                  slot_at: finished,
                  tip_id: 't',
                  cycle: 0,
                  status,
                  attempts,
                  claimed_at: finished,
                  claimed_by: 'p',
                  finished_at: finishedAt,
                  message_id: null,
                  error: null,
                  permanent,
                };
                await db.insertInto('tip_deliveries').values(row).execute();
                const now = new Date(finished + after);
                const expected = isRetryable(
                  {
                    status,
                    permanent: permanent === 1,
                    attempts,
                    finishedAt: finishedAt === null ? null : new Date(finishedAt),
                  },
                  now,
                );
                const result = await claim(store, C1, slot, 't', 'p2', now);
                expect(result.claimed, JSON.stringify({ status, permanent, attempts, finishedAt, after })).toBe(
                  expected,
                );
              }
            }
          }
        }
      }
    } finally {
      await db.destroy();
    }
  });

  it('releases a claim without using an attempt or starting a backoff', async () => {
    const c = await claim(store, C1);
    if (!c.claimed) throw new Error('not claimed');
    await store.releaseClaim(c.id, { reason: 'stopped before posting' });
    expect(await store.getDelivery(C1, '2025-W11')).toMatchObject({
      status: 'failed',
      attempts: 0,
      finishedAt: null,
      permanent: false,
      error: 'stopped before posting',
    });
    expect(await store.rotation(C1)).toEqual({ cycle: 0, seen: new Set(), lastTipId: null });
    expect(await claim(store, C1)).toMatchObject({ claimed: true, attempts: 1 });
  });

  it('keeps a claim whose outcome is unknown as claimed, with the reason, never to be taken over', async () => {
    const c = await claim(store, C1);
    if (!c.claimed) throw new Error('not claimed');
    await store.markUnknown(c.id, { at: at('2025-03-10T08:00:10Z'), reason: 'network: timed out' });
    expect(await store.getDelivery(C1, '2025-W11')).toMatchObject({
      status: 'claimed',
      attempts: 1,
      finishedAt: at('2025-03-10T08:00:10Z'),
      error: 'network: timed out',
    });
    expect(await claim(store, C1, '2025-W11', 't2', 'p2', at('2025-03-14T08:00:00Z'))).toMatchObject({
      claimed: false,
      existing: { status: 'claimed' },
    });
    // It counts as seen in the rotation: it may have been posted.
    expect((await store.rotation(C1)).seen).toEqual(new Set(['t1']));
  });

  it('refuses to store a schedule it could not use', async () => {
    const meta = { at: at('2025-03-05T10:00:00Z'), by: 'U1' };
    await expect(store.subscribe(C1, { ...MON_9_BERLIN, timeZone: 'Mars/Olympus_Mons' }, meta)).rejects.toThrow(
      /invalid schedule.*Mars\/Olympus_Mons/,
    );
    await expect(store.subscribe(C1, { ...MON_9_BERLIN, day: 'someday' as 'mon' }, meta)).rejects.toThrow(
      /invalid schedule.*someday/,
    );
    await expect(store.subscribe(C1, { ...MON_9_BERLIN, time: '9am' }, meta)).rejects.toThrow(/invalid schedule.*9am/);
    expect(await store.getSubscription(C1)).toBeUndefined();
  });

  it('records a skipped slot once and keeps it from being claimed', async () => {
    const slot = firstSlotFrom(MON_9_BERLIN, Date.parse('2025-03-05T00:00:00Z'));
    expect(await store.recordSkip(C1, slot, { at: at('2025-03-10T08:00:00Z'), by: 'U1' })).toBe(true);
    expect(await store.recordSkip(C1, slot, { at: at('2025-03-10T08:00:00Z'), by: 'U1' })).toBe(false);
    expect(await claim(store, C1, slot.key)).toMatchObject({ claimed: false, existing: { status: 'skipped' } });
  });

  it('derives the rotation from claimed and delivered rows of the latest cycle', async () => {
    expect(await store.rotation(C1)).toEqual({ cycle: 0, seen: new Set(), lastTipId: null });
    const put = async (week: number, tipId: string, cycle: number, status: 'delivered' | 'failed' | 'claimed') => {
      const r = await store.claimDelivery({
        ...C1,
        slot: { key: `2025-W${week}`, at: Date.UTC(2025, 0, week * 7), date: 'x' },
        tipId,
        cycle,
        at: at('2025-03-10T08:00:00Z'),
        by: 'p',
      });
      if (!r.claimed) throw new Error('not claimed');
      if (status === 'delivered') await store.markDelivered(r.id, { at: at('2025-03-10T08:00:00Z') });
      if (status === 'failed')
        await store.markFailed(r.id, { at: at('2025-03-10T08:00:00Z'), reason: 'x', permanent: true });
    };
    await put(10, 'a', 0, 'delivered');
    await put(11, 'b', 0, 'delivered');
    await put(12, 'a', 1, 'delivered');
    await put(13, 'c', 1, 'failed');
    await put(14, 'b', 1, 'claimed');
    expect(await store.rotation(C1)).toEqual({ cycle: 1, seen: new Set(['a', 'b']), lastTipId: 'b' });
    expect(await store.rotation(D1)).toEqual({ cycle: 0, seen: new Set(), lastTipId: null });
  });

  it('lists deliveries newest first', async () => {
    await claim(store, C1, '2025-W11');
    await store.claimDelivery({
      ...C1,
      slot: { key: '2025-W12', at: Date.parse('2025-03-17T08:00:00Z'), date: '2025-03-17' },
      tipId: 't2',
      cycle: 0,
      at: at('2025-03-17T08:00:00Z'),
      by: 'p',
    });
    expect((await store.deliveries(C1)).map((d) => d.slot)).toEqual(['2025-W12', '2025-W11']);
    expect((await store.deliveries(C1, { limit: 1 })).map((d) => d.slot)).toEqual(['2025-W12']);
  });

  it('hands a lease to one holder at a time until it lapses or is released', async () => {
    const t = at('2025-03-10T08:00:00Z');
    const other = await database.open();
    extra.push(other);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store).tryLease('run', `h${i}`, 60_000, t)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = `h${results.indexOf(true)}`;
    expect(await store.tryLease('run', winner, 60_000, at('2025-03-10T08:00:30Z'))).toBe(true); // renewal
    expect(await store.tryLease('run', 'late', 60_000, at('2025-03-10T08:01:00Z'))).toBe(false);
    expect(await store.tryLease('run', 'late', 60_000, at('2025-03-10T08:01:30Z'))).toBe(true); // lapsed
    await store.releaseLease('run', winner); // not the holder any more: no effect
    expect(await store.tryLease('run', winner, 60_000, at('2025-03-10T08:01:31Z'))).toBe(false);
    await store.releaseLease('run', 'late');
    expect(await store.tryLease('run', winner, 60_000, at('2025-03-10T08:01:32Z'))).toBe(true);
  });

  // better-sqlite3 is synchronous, so in one process a second connection
  // waiting on the lock blocks the holder too; two SQLite processes migrating
  // at once are covered by the CLI's two-process test instead.
  it('migrates once when several openers start on a fresh database, and closes idempotently', async () => {
    const fresh = await create();
    try {
      const stores =
        name === 'postgres'
          ? await Promise.all([fresh.open(), fresh.open(), fresh.open()])
          : [await fresh.open(), await fresh.open(), await fresh.open()];
      await stores[0]!.subscribe(C1, MON_9_BERLIN, { at: at('2025-03-05T10:00:00Z'), by: 'U1' });
      expect(await stores[2]!.getSubscription(C1)).toBeDefined();
      for (const s of stores) {
        await s.close();
        await s.close();
      }
      const again = await fresh.open();
      await again.close();
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a database migrated by a newer build', async () => {
    const { db, backend } = openDatabase({
      ...(database.databaseUrl ? { databaseUrl: database.databaseUrl } : {}),
      dataDir: database.dataDir,
      logger: testLogger(),
    });
    try {
      const future = { version: 999, name: 'from the future', up: async () => undefined };
      expect(await migrate(db, backend, testLogger(), [...MIGRATIONS, future])).toEqual([999]);
    } finally {
      await db.destroy();
    }
    await expect(database.open()).rejects.toThrow(/newer than this build/);
  });
});
