import { isRetryable } from '../core/tips/ledger-rules.js';
import { followingSlot, planDue, type Slot } from '../core/tips/slots.js';
import type { Subscription } from '../core/tips/subscription.js';
import type { TipStore } from '../store/tip-store.js';

/**
 * The slot the channel's next tip will go out for, ignoring an admin's skip
 * when `ignoreSkip`: the current slot if it is due and unhandled, else the
 * first later one the ledger has no row for. Null when inactive or paused.
 */
export async function nextPostSlot(
  store: TipStore,
  sub: Subscription,
  now: Date,
  o: { ignoreSkip?: boolean } = {},
): Promise<Slot | null> {
  if (!sub.active || sub.paused) return null;
  const plan = planDue(sub.schedule, sub.pending, now.getTime());
  let slot = plan.kind === 'due' ? plan.slot : plan.until;
  // A handful of steps: a week already posted before a schedule change, then a skip.
  for (let i = 0; i < 4; i++) {
    const skipped = !o.ignoreSkip && slot.key === sub.skipSlot;
    if (!skipped) {
      const row = await store.getDelivery(sub, slot.key);
      if (!row || isRetryable(row)) return slot;
    }
    slot = followingSlot(sub.schedule, slot);
  }
  return slot;
}
