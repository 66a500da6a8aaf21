import type { Tip } from '../core/content/types.js';
import type { Logger } from '../core/logger.js';
import type { Reply } from '../core/reply.js';
import { isRetryable, isUnknownClaim, MAX_ATTEMPTS, POSTING_FAILED, retryDelayMs } from '../core/tips/ledger-rules.js';
import type { DuePlan } from '../core/tips/slots.js';
import { channelKey, type Subscription, type TipPlatform } from '../core/tips/subscription.js';
import type { PostOutcome, TipPoster } from '../core/tips/tip-poster.js';
import type { TipStore } from '../store/tip-store.js';
import type { NextTip } from './next-tip.js';
import type { Pacer } from './pacer.js';

export type Outcome =
  /** Posted and marked. */
  | 'posted'
  /** An admin skipped this week. */
  | 'skipped'
  /** The ledger already had this slot delivered or skipped: nothing to do. */
  | 'already-handled'
  /** Another run holds a fresh claim on the slot: left to it. */
  | 'in-flight'
  /** It may have been posted (a crash, a timeout, a 5xx, a poster that threw): never re-posted. */
  | 'unknown'
  /** A transient failure; a later run retries within the week, after a backoff. */
  | 'failed'
  /** An earlier transient failure is still waiting out its backoff. */
  | 'retry-later'
  /** Transient failures used up the attempts; the week is dropped. */
  | 'gave-up'
  /** A permanent failure paused the subscription. */
  | 'paused'
  /** The platform refused the bot's token: nothing posted to it this run, the slot stays pending. */
  | 'token-refused'
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

/**
 * One platform's fan-out in one run: the first post goes alone, so a refused
 * token costs one request, not one per channel; once a post says the token
 * is refused, no more are made this run.
 */
export interface PostGate {
  readonly halted: boolean;
  /** Waits until this platform may be posted to; false once its token was refused. */
  open(): Promise<boolean>;
  /** The outcome of a post that `open` let through (null: it did not post, or threw). */
  settle(outcome: PostOutcome | null): void;
}

export interface PostOneInput {
  store: TipStore;
  sub: Subscription;
  plan: Extract<DuePlan, { kind: 'due' }>;
  poster: TipPoster;
  pacer: Pacer;
  gate: PostGate;
  /** The real clock: the ledger's timestamps, the age of another run's claim, retry backoffs. */
  clock: () => Date;
  runnerId: string;
  log: Logger;
  signal: AbortSignal | undefined;
  pickTip: () => Promise<NextTip | null>;
  render: (tip: Tip) => Reply;
}

/** Claim, pace, post, mark, advance: one channel's slot. */
export async function postOne(i: PostOneInput): Promise<ChannelOutcome> {
  const { store, sub, plan, log, gate } = i;
  const base = { platform: sub.platform, channelId: sub.channelId, slot: plan.slot.key };
  const advance = () => store.advance(sub, sub.rev, plan.next, sub.skipSlot === plan.slot.key);

  const next = await i.pickTip();
  if (!next) {
    log.warn({}, 'no tips in the content to post');
    return { ...base, outcome: 'no-tips' };
  }
  if (gate.halted) return { ...base, outcome: 'token-refused' };
  const claim = await store.claimDelivery({
    ...sub,
    slot: plan.slot,
    tipId: next.tip.id,
    cycle: next.pick.cycle,
    at: i.clock(),
    by: i.runnerId,
  });
  if (!claim.claimed) {
    const row = claim.existing;
    if (row.status === 'claimed') {
      // `finishedAt` on a claimed row: a run already recorded its outcome as unknown.
      const decided = row.finishedAt !== null;
      if (!isUnknownClaim(row, i.clock())) return { ...base, outcome: 'in-flight' };
      if (!decided)
        log.warn(
          { slot: plan.slot.key, claimedBy: row.claimedBy, claimedAt: row.claimedAt },
          'a post of this slot has an unknown outcome (its poster stopped before marking it); ' +
            'not re-posting, to never post twice',
        );
      await advance();
      return {
        ...base,
        outcome: 'unknown',
        tipId: row.tipId ?? undefined,
        ...(row.error ? { reason: row.error } : {}),
      };
    }
    // A transient failure still in its backoff: a later run takes it over.
    if (isRetryable(row)) return { ...base, outcome: 'retry-later', ...(row.error ? { reason: row.error } : {}) };
    await advance();
    return { ...base, outcome: row.status === 'failed' ? 'gave-up' : 'already-handled' };
  }

  // The claim goes back unused: a retryable failure that cost no attempt and has no backoff.
  const release = (reason: string) => store.releaseClaim(claim.id, { reason });
  // Gated and paced after the claim: a slot someone else holds costs no send
  // budget, and the pause between the pacer's release and the wire stays short.
  if (!(await gate.open())) {
    await release('not posted: the platform refused the bot token');
    return { ...base, outcome: 'token-refused' };
  }
  if (!(await i.pacer.wait(channelKey(sub), i.signal))) {
    gate.settle(null);
    await release('stopped before posting');
    return { ...base, outcome: 'stopped' };
  }
  const idempotencyKey = `tip-${claim.id}-${plan.slot.key}`;
  let outcome: PostOutcome;
  try {
    outcome = await i.poster.post(sub.channelId, i.render(next.tip), {
      idempotencyKey,
      workspace: sub.workspace,
      organization: sub.organization,
    });
  } catch (err) {
    gate.settle(null);
    // Posters return platform errors as values; a throw may have happened
    // after the message went out, so the claim stays as an unknown outcome.
    log.error(
      { err, slot: plan.slot.key, tip: next.tip.id },
      'poster threw; the post outcome is unknown and will not be retried',
    );
    await store
      .markUnknown(claim.id, { at: i.clock(), reason: `poster threw: ${(err as Error).message}` })
      .catch((e: unknown) => log.warn({ err: e }, 'could not record the unknown outcome'));
    await advance();
    return { ...base, outcome: 'unknown', tipId: next.tip.id, reason: (err as Error).message };
  }
  gate.settle(outcome);
  const at = i.clock();
  if (outcome.ok) {
    await store.markDelivered(claim.id, { at, ...(outcome.messageId ? { messageId: outcome.messageId } : {}) });
    await advance();
    log.info({ slot: plan.slot.key, tip: next.tip.id, cycle: next.pick.cycle }, 'posted weekly tip');
    return { ...base, outcome: 'posted', tipId: next.tip.id };
  }
  if (outcome.unknown) {
    // It may have been posted: the claim stays, so nobody re-posts it (a miss, not a duplicate).
    await store.markUnknown(claim.id, { at, reason: outcome.reason });
    await advance();
    log.error(
      { slot: plan.slot.key, tip: next.tip.id, reason: outcome.reason },
      "the post outcome is unknown (it may have been posted); not re-posting this week's tip, to never post twice",
    );
    return { ...base, outcome: 'unknown', tipId: next.tip.id, reason: outcome.reason };
  }
  if (outcome.tokenRefused) {
    // Logged once for the platform by the gate; the slot stays pending for a run with a good token.
    await release(`not posted: ${outcome.reason}`);
    return { ...base, outcome: 'token-refused', reason: outcome.reason };
  }
  await store.markFailed(claim.id, { at, reason: outcome.reason, permanent: outcome.permanent });
  if (outcome.permanent) {
    await store.pauseWithReason(sub, `${POSTING_FAILED}: ${outcome.reason}`, { at, by: 'system' });
    await advance();
    log.warn(
      { slot: plan.slot.key, reason: outcome.reason },
      "permanent posting failure: paused this channel's weekly tips until an admin resumes them",
    );
    return { ...base, outcome: 'paused', reason: outcome.reason };
  }
  if (claim.attempts >= MAX_ATTEMPTS) {
    await advance();
    log.warn(
      { slot: plan.slot.key, reason: outcome.reason, attempts: claim.attempts },
      "giving up on this week's tip after repeated failures",
    );
    return { ...base, outcome: 'gave-up', reason: outcome.reason };
  }
  log.warn(
    { slot: plan.slot.key, reason: outcome.reason, attempts: claim.attempts, retryInMs: retryDelayMs(claim.attempts) },
    'posting failed; a later run retries this week after a backoff',
  );
  return { ...base, outcome: 'failed', reason: outcome.reason };
}
