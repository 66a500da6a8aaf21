import type { Kysely } from 'kysely';
import { MAX_ATTEMPTS, retryDelayMs } from '../core/tips/ledger-rules.js';
import type { RotationState } from '../core/tips/rotation.js';
import type { Slot } from '../core/tips/slots.js';
import type { ChangeMeta, ChannelRef, ClaimResult, Delivery } from '../core/tips/subscription.js';
import { toDelivery } from './rows.js';
import type { StoreSchema } from './schema.js';
import type { ClaimRequest } from './tip-store.js';

type Db = Kysely<StoreSchema>;

/** Rows whose tip reached (or may have reached) the channel count as seen. */
const SEEN = ['claimed', 'delivered'];

export async function getDelivery(db: Db, c: ChannelRef, slotKey: string): Promise<Delivery | undefined> {
  const row = await db
    .selectFrom('tip_deliveries')
    .selectAll()
    .where('platform', '=', c.platform)
    .where('channel_id', '=', c.channelId)
    .where('slot', '=', slotKey)
    .executeTakeFirst();
  return row ? toDelivery(row) : undefined;
}

/**
 * One statement, so it is atomic on both backends: insert the claim, or take
 * over the row only if an earlier attempt failed transiently and its backoff
 * has passed (`isRetryable(row, at)` in core/tips/ledger-rules.ts, written as SQL). A row
 * that is claimed (in flight, its poster died, or its outcome is unknown),
 * delivered, skipped, failed for good or still backing off is left alone and
 * reported.
 */
/** The ledger's key columns: one row per channel per weekly slot. */
const slotColumns = (c: ChannelRef, slot: Slot) => ({
  platform: c.platform,
  channel_id: c.channelId,
  slot: slot.key,
  slot_at: slot.at,
});

export async function claimDelivery(db: Db, req: ClaimRequest): Promise<ClaimResult> {
  const at = req.at.getTime();
  const row = await db
    .insertInto('tip_deliveries')
    .values({
      ...slotColumns(req, req.slot),
      tip_id: req.tipId,
      cycle: req.cycle,
      status: 'claimed',
      attempts: 1,
      claimed_at: at,
      claimed_by: req.by,
      permanent: 0,
    })
    .onConflict((oc) =>
      oc
        .columns(['platform', 'channel_id', 'slot'])
        .doUpdateSet((eb) => ({
          status: 'claimed',
          attempts: eb('tip_deliveries.attempts', '+', 1),
          tip_id: eb.ref('excluded.tip_id'),
          cycle: eb.ref('excluded.cycle'),
          claimed_at: eb.ref('excluded.claimed_at'),
          claimed_by: eb.ref('excluded.claimed_by'),
          finished_at: null,
          error: null,
        }))
        .where('tip_deliveries.status', '=', 'failed')
        .where('tip_deliveries.permanent', '=', 0)
        .where('tip_deliveries.attempts', '<', MAX_ATTEMPTS)
        .where((eb) =>
          eb.or([
            // Released without posting: no backoff.
            eb('tip_deliveries.finished_at', 'is', null),
            ...Array.from({ length: MAX_ATTEMPTS }, (_, n) =>
              eb.and([
                eb('tip_deliveries.attempts', '=', n),
                eb('tip_deliveries.finished_at', '<=', at - retryDelayMs(n)),
              ]),
            ),
          ]),
        ),
    )
    .returning(['id', 'attempts'])
    .executeTakeFirst();
  if (row) return { claimed: true, id: Number(row.id), attempts: Number(row.attempts) };
  const existing = await getDelivery(db, req, req.slot.key);
  if (!existing)
    throw new Error(`claim of ${req.platform}:${req.channelId} ${req.slot.key} neither inserted nor found a row`);
  return { claimed: false, existing };
}

export async function recordSkip(db: Db, c: ChannelRef, slot: Slot, meta: ChangeMeta): Promise<boolean> {
  const at = meta.at.getTime();
  const r = await db
    .insertInto('tip_deliveries')
    .values({
      ...slotColumns(c, slot),
      tip_id: null,
      cycle: 0,
      status: 'skipped',
      attempts: 0,
      claimed_at: at,
      claimed_by: meta.by,
      finished_at: at,
      permanent: 0,
    })
    .onConflict((oc) => oc.columns(['platform', 'channel_id', 'slot']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function markDelivered(db: Db, id: number, o: { at: Date; messageId?: string }): Promise<void> {
  await db
    .updateTable('tip_deliveries')
    .set({ status: 'delivered', finished_at: o.at.getTime(), message_id: o.messageId ?? null, error: null })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(
  db: Db,
  id: number,
  o: { at: Date; reason: string; permanent: boolean },
): Promise<void> {
  await db
    .updateTable('tip_deliveries')
    .set({
      status: 'failed',
      finished_at: o.at.getTime(),
      error: o.reason.slice(0, 500),
      permanent: o.permanent ? 1 : 0,
    })
    .where('id', '=', id)
    .execute();
}

export async function releaseClaim(db: Db, id: number, o: { reason: string }): Promise<void> {
  await db
    .updateTable('tip_deliveries')
    .set((eb) => ({
      status: 'failed',
      attempts: eb('attempts', '-', 1),
      finished_at: null,
      error: o.reason.slice(0, 500),
      permanent: 0,
    }))
    .where('id', '=', id)
    .where('status', '=', 'claimed')
    .execute();
}

export async function markUnknown(db: Db, id: number, o: { at: Date; reason: string }): Promise<void> {
  await db
    .updateTable('tip_deliveries')
    .set({ finished_at: o.at.getTime(), error: o.reason.slice(0, 500) })
    .where('id', '=', id)
    .where('status', '=', 'claimed')
    .execute();
}

export async function deliveries(db: Db, c: ChannelRef, limit = 20): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('tip_deliveries')
    .selectAll()
    .where('platform', '=', c.platform)
    .where('channel_id', '=', c.channelId)
    .orderBy('slot_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

export async function rotation(db: Db, c: ChannelRef): Promise<RotationState> {
  const seenRows = () =>
    db
      .selectFrom('tip_deliveries')
      .where('platform', '=', c.platform)
      .where('channel_id', '=', c.channelId)
      .where('status', 'in', SEEN)
      .where('tip_id', 'is not', null);
  const top = await seenRows()
    .select((eb) => eb.fn.max('cycle').as('cycle'))
    .executeTakeFirst();
  if (top?.cycle === null || top?.cycle === undefined) return { cycle: 0, seen: new Set(), lastTipId: null };
  const cycle = Number(top.cycle);
  const rows = await seenRows()
    .select(['tip_id', 'slot_at'])
    .where('cycle', '=', cycle)
    .orderBy('slot_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { cycle, seen: new Set(rows.map((r) => r.tip_id!)), lastTipId: rows[0]?.tip_id ?? null };
}
