import type { Tip } from '../core/content/types.js';
import type { Logger } from '../core/logger.js';
import type { Reply } from '../core/reply.js';
import type { DuePlan } from '../core/tips/slots.js';
import { channelKey, type Subscription, type TipPlatform } from '../core/tips/subscription.js';
import type { PostOutcome, TipPoster } from '../core/tips/tip-poster.js';
import { MAX_ATTEMPTS, type TipStore } from '../store/tip-store.js';
import type { NextTip } from './next-tip.js';
import type { Pacer } from './pacer.js';
import { POSTING_FAILED, STALE_CLAIM_MS } from './ledger-rules.js';

export type Outcome =
  /** Posted and marked. */
  | 'posted'
  /** An admin skipped this week. */
  | 'skipped'
  /** The ledger already had this slot delivered or skipped: nothing to do. */
  | 'already-handled'
  /** Another run holds a fresh claim on the slot: left to it. */
  | 'in-flight'
  /** A claim with no mark (a crash, or a poster that threw): not re-posted. */
  | 'unknown'
  /** A transient failure; a later run retries within the week. */
  | 'failed'
  /** Transient failures used up the attempts; the week is dropped. */
  | 'gave-up'
  /** A permanent failure paused the subscription. */
  | 'paused'
  | 'no-poster'
  | 'no-tips'
  /** Not started because the run was stopped. */
  | 'stopped'
  | 'error';

export interface ChannelOutcome {
  platform: TipPlatform;
  channelId: string;
  slot: string;
  outcome: Outcome;
  tipId?: string;
  reason?: string;
}

export interface PostOneInput {
  store: TipStore;
  sub: Subscription;
  plan: Extract<DuePlan, { kind: 'due' }>;
  poster: TipPoster;
  pacer: Pacer;
  now: Date;
  /** For the ledger's timestamps, which fall after `now` in a long run. */
  clock: () => Date;
  runnerId: string;
  log: Logger;
  signal: AbortSignal | undefined;
  pickTip: () => Promise<NextTip | null>;
  render: (tip: Tip) => Reply;
}

/** Claim, pace, post, mark, advance: one channel's slot. */
export async function postOne(i: PostOneInput): Promise<ChannelOutcome> {
  const { store, sub, plan, log, now } = i;
  const base = { platform: sub.platform, channelId: sub.channelId, slot: plan.slot.key };
  const advance = () => store.advance(sub, sub.rev, plan.next, sub.skipSlot === plan.slot.key);

  const next = await i.pickTip();
  if (!next) {
    log.warn({}, 'no tips in the content to post');
    return { ...base, outcome: 'no-tips' };
  }
  const claim = await store.claimDelivery({ ...sub, slot: plan.slot, tipId: next.tip.id, cycle: next.pick.cycle, at: i.clock(), by: i.runnerId });
  if (!claim.claimed) {
    const row = claim.existing;
    if (row.status === 'claimed') {
      if (now.getTime() - row.claimedAt.getTime() < STALE_CLAIM_MS) return { ...base, outcome: 'in-flight' };
      log.warn({ slot: plan.slot.key, claimedBy: row.claimedBy, claimedAt: row.claimedAt }, 'a post of this slot has an unknown outcome (its poster stopped before marking it); not re-posting, to never post twice');
      await advance();
      return { ...base, outcome: 'unknown', tipId: row.tipId ?? undefined };
    }
    await advance();
    return { ...base, outcome: row.status === 'failed' ? 'gave-up' : 'already-handled' };
  }

  // Paced after the claim: a slot someone else holds costs no send budget,
  // and the pause between the pacer's release and the wire stays short.
  if (!(await i.pacer.wait(channelKey(sub), i.signal))) {
    await store.markFailed(claim.id, { at: i.clock(), reason: 'stopped before posting', permanent: false });
    return { ...base, outcome: 'stopped' };
  }
  let outcome: PostOutcome;
  try {
    outcome = await i.poster.post(sub.channelId, i.render(next.tip));
  } catch (err) {
    // Posters return platform errors as values; a throw may have happened
    // after the message went out, so the claim stays as an unknown outcome.
    log.error({ err, slot: plan.slot.key, tip: next.tip.id }, 'poster threw; the post outcome is unknown and will not be retried');
    await advance();
    return { ...base, outcome: 'unknown', tipId: next.tip.id, reason: (err as Error).message };
  }
  const at = i.clock();
  if (outcome.ok) {
    await store.markDelivered(claim.id, { at, ...(outcome.messageId ? { messageId: outcome.messageId } : {}) });
    await advance();
    log.info({ slot: plan.slot.key, tip: next.tip.id, cycle: next.pick.cycle }, 'posted weekly tip');
    return { ...base, outcome: 'posted', tipId: next.tip.id };
  }
  await store.markFailed(claim.id, { at, reason: outcome.reason, permanent: outcome.permanent });
  if (outcome.permanent) {
    await store.pauseWithReason(sub, `${POSTING_FAILED}: ${outcome.reason}`, { at, by: 'system' });
    await advance();
    log.warn({ slot: plan.slot.key, reason: outcome.reason }, 'permanent posting failure: paused this channel\'s weekly tips until an admin resumes them');
    return { ...base, outcome: 'paused', reason: outcome.reason };
  }
  if (claim.attempts >= MAX_ATTEMPTS) {
    await advance();
    log.warn({ slot: plan.slot.key, reason: outcome.reason, attempts: claim.attempts }, 'giving up on this week\'s tip after repeated failures');
    return { ...base, outcome: 'gave-up', reason: outcome.reason };
  }
  log.warn({ slot: plan.slot.key, reason: outcome.reason, attempts: claim.attempts }, 'posting failed; a later run retries this week');
  return { ...base, outcome: 'failed', reason: outcome.reason };
}
