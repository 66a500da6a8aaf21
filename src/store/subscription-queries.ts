import type { Kysely } from 'kysely';
import { scheduleProblem, type WeeklySchedule } from '../core/tips/schedule.js';
import { firstSlotFrom, type Slot } from '../core/tips/slots.js';
import type {
  ChangeMeta,
  ChannelRef,
  Subscription,
  TipPlatform,
  WorkspaceOrOrganization,
} from '../core/tips/subscription.js';
import { toSubscription } from './rows.js';
import type { StoreSchema } from './schema.js';

type Db = Kysely<StoreSchema>;

const slotColumns = (s: Slot) => ({ next_slot: s.key, next_slot_at: s.at, next_slot_date: s.date });

// Kysely's where() is a set of overloads: no narrower shape both query kinds satisfy.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function whereChannel<Q extends { where: (...a: any[]) => Q }>(q: Q, c: ChannelRef): Q {
  return q.where('platform', '=', c.platform).where('channel_id', '=', c.channelId);
}

export async function getSubscription(db: Db, c: ChannelRef): Promise<Subscription | undefined> {
  const row = await whereChannel(db.selectFrom('tip_subscriptions').selectAll(), c).executeTakeFirst();
  return row ? toSubscription(row) : undefined;
}

export async function subscribe(
  db: Db,
  c: ChannelRef,
  schedule: WeeklySchedule,
  meta: ChangeMeta,
): Promise<Subscription> {
  // A bad schedule stored would fail every run and status for the channel: refuse it here.
  const problem = scheduleProblem(schedule);
  if (problem) throw new Error(`invalid schedule for ${c.platform}:${c.channelId}: ${problem}`);
  const at = meta.at.getTime();
  const fresh = {
    day: schedule.day,
    time: schedule.time,
    time_zone: schedule.timeZone,
    active: 1,
    effective_from: at,
    updated_at: at,
    updated_by: meta.by,
    paused: 0,
    paused_reason: null,
    paused_at: null,
    skip_slot: null,
    ...slotColumns(firstSlotFrom(schedule, at)),
    // Kept as it was when the caller does not know it (the CLI without --workspace).
    ...(c.workspace !== undefined ? { workspace_id: c.workspace } : {}),
    ...(c.organization !== undefined ? { organization_id: c.organization } : {}),
  };
  await db
    .insertInto('tip_subscriptions')
    .values({ platform: c.platform, channel_id: c.channelId, subscribed_at: at, rev: 1, ...fresh })
    .onConflict((oc) =>
      oc
        .columns(['platform', 'channel_id'])
        .doUpdateSet((eb) => ({ ...fresh, rev: eb('tip_subscriptions.rev', '+', 1) })),
    )
    .execute();
  return (await getSubscription(db, c))!;
}

export async function unsubscribe(db: Db, c: ChannelRef, meta: ChangeMeta): Promise<boolean> {
  const r = await whereChannel(
    db.updateTable('tip_subscriptions').set({ active: 0, updated_at: meta.at.getTime(), updated_by: meta.by }),
    c,
  )
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listSubscriptions(
  db: Db,
  filter: { platform?: TipPlatform; includeInactive?: boolean } = {},
): Promise<Subscription[]> {
  let q = db.selectFrom('tip_subscriptions').selectAll();
  if (filter.platform) q = q.where('platform', '=', filter.platform);
  if (!filter.includeInactive) q = q.where('active', '=', 1);
  return (await q.orderBy('platform').orderBy('channel_id').execute()).map(toSubscription);
}

export async function pause(
  db: Db,
  c: ChannelRef,
  reason: string | null,
  meta: ChangeMeta,
): Promise<Subscription | undefined> {
  const at = meta.at.getTime();
  const r = await whereChannel(
    db
      .updateTable('tip_subscriptions')
      .set({ paused: 1, paused_reason: reason, paused_at: at, updated_at: at, updated_by: meta.by }),
    c,
  )
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0 ? getSubscription(db, c) : undefined;
}

/** Resumes from `meta.at`: the next slot after now, not the ones missed while paused. */
export async function resume(db: Db, c: ChannelRef, meta: ChangeMeta): Promise<Subscription | undefined> {
  const at = meta.at.getTime();
  // Optimistic on rev rather than a transaction: SQLite's deferred
  // transactions cannot upgrade a read to a write under contention.
  for (let attempt = 0; attempt < 5; attempt++) {
    const sub = await getSubscription(db, c);
    if (!sub || !sub.active) return undefined;
    const r = await whereChannel(
      db.updateTable('tip_subscriptions').set({
        paused: 0,
        paused_reason: null,
        paused_at: null,
        skip_slot: null,
        effective_from: at,
        updated_at: at,
        updated_by: meta.by,
        rev: sub.rev + 1,
        ...slotColumns(firstSlotFrom(sub.schedule, at)),
      }),
      c,
    )
      .where('rev', '=', sub.rev)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) return getSubscription(db, c);
  }
  throw new Error(`could not resume ${c.platform}:${c.channelId}: it kept changing under us`);
}

export async function skipSlot(
  db: Db,
  c: ChannelRef,
  slotKey: string | null,
  meta: ChangeMeta,
): Promise<Subscription | undefined> {
  const at = meta.at.getTime();
  const r = await whereChannel(
    db.updateTable('tip_subscriptions').set({ skip_slot: slotKey, updated_at: at, updated_by: meta.by }),
    c,
  )
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0 ? getSubscription(db, c) : undefined;
}

export async function dueSubscriptions(db: Db, now: Date): Promise<Subscription[]> {
  const rows = await db
    .selectFrom('tip_subscriptions')
    .selectAll()
    .where('active', '=', 1)
    .where('paused', '=', 0)
    .where('next_slot_at', '<=', now.getTime())
    .orderBy('next_slot_at')
    .orderBy('platform')
    .orderBy('channel_id')
    .execute();
  return rows.map(toSubscription);
}

export async function advance(db: Db, c: ChannelRef, rev: number, next: Slot, clearSkip: boolean): Promise<boolean> {
  const r = await whereChannel(
    db.updateTable('tip_subscriptions').set({ ...slotColumns(next), ...(clearSkip ? { skip_slot: null } : {}) }),
    c,
  )
    .where('rev', '=', rev)
    .where('next_slot_at', '<', next.at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Pauses every active subscription of one workspace, or of every workspace of
 * one org (the app was uninstalled there); how many were paused.
 */
export async function pauseWorkspace(
  db: Db,
  platform: TipPlatform,
  where: WorkspaceOrOrganization,
  reason: string,
  meta: ChangeMeta,
): Promise<number> {
  const at = meta.at.getTime();
  const r = await db
    .updateTable('tip_subscriptions')
    .set({ paused: 1, paused_reason: reason, paused_at: at, updated_at: at, updated_by: meta.by })
    .where('platform', '=', platform)
    .where(
      'workspace' in where ? 'workspace_id' : 'organization_id',
      '=',
      'workspace' in where ? where.workspace : where.organization,
    )
    .where('active', '=', 1)
    .where('paused', '=', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
