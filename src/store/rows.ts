import type { Selectable } from 'kysely';
import type { Weekday } from '../core/tips/schedule.js';
import type { Delivery, DeliveryStatus, Subscription } from '../core/tips/subscription.js';
import type { DeliveriesTable, SubscriptionsTable } from './schema.js';

// pg returns bigint as a string unless told otherwise; open-store tells it,
// and Number() here keeps a forgotten parser from comparing strings.
const ms = (v: number | string) => new Date(Number(v));

export function toSubscription(r: Selectable<SubscriptionsTable>): Subscription {
  return {
    platform: r.platform,
    channelId: r.channel_id,
    workspace: r.workspace_id,
    organization: r.organization_id,
    schedule: { day: r.day as Weekday, time: r.time, timeZone: r.time_zone },
    active: Number(r.active) === 1,
    subscribedAt: ms(r.subscribed_at),
    effectiveFrom: ms(r.effective_from),
    updatedAt: ms(r.updated_at),
    updatedBy: r.updated_by,
    paused: Number(r.paused) === 1,
    pausedReason: r.paused_reason,
    pausedAt: r.paused_at === null ? null : ms(r.paused_at),
    skipSlot: r.skip_slot,
    pending: { key: r.next_slot, at: Number(r.next_slot_at), date: r.next_slot_date },
    rev: Number(r.rev),
  };
}

export function toDelivery(r: Selectable<DeliveriesTable>): Delivery {
  return {
    id: Number(r.id),
    platform: r.platform,
    channelId: r.channel_id,
    slot: r.slot,
    slotAt: ms(r.slot_at),
    tipId: r.tip_id,
    cycle: Number(r.cycle),
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    claimedAt: ms(r.claimed_at),
    claimedBy: r.claimed_by,
    finishedAt: r.finished_at === null ? null : ms(r.finished_at),
    messageId: r.message_id,
    error: r.error,
    permanent: Number(r.permanent) === 1,
  };
}
