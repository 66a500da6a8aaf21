import type { Delivery } from './subscription.js';

/**
 * The delivery ledger's rules, in one place: when a failed post may be tried
 * again, when a claim with no outcome counts as a crashed poster's, and how a
 * pause after a permanent failure is worded. The store's claim SQL is built
 * from the same constants.
 */

/** Transient failures are retried by later runs within the slot's week, this many posts at most. */
export const MAX_ATTEMPTS = 5;

/**
 * The backoff's base: a slot that failed after `n` posts may be tried again
 * `RETRY_BASE_MS · 2^n` after (4, 8, 16, 32 min).
 */
export const RETRY_BASE_MS = 2 * 60 * 1000;

export const retryDelayMs = (attempts: number): number => RETRY_BASE_MS * 2 ** attempts;

/**
 * The one rule for "a later run may post this slot again": a transient
 * failure with attempts left. With `at`, also that its backoff has passed
 * (a released claim, `finishedAt` null, has none).
 */
export function isRetryable(d: Pick<Delivery, 'status' | 'permanent' | 'attempts' | 'finishedAt'>, at?: Date): boolean {
  if (d.status !== 'failed' || d.permanent || d.attempts >= MAX_ATTEMPTS) return false;
  return at === undefined || d.finishedAt === null || d.finishedAt.getTime() <= at.getTime() - retryDelayMs(d.attempts);
}

/** A claim older than this with no mark is taken to be a crashed poster, not one still at work. */
export const STALE_CLAIM_MS = 15 * 60 * 1000;

/** A claimed row whose outcome nobody will tell: decided unknown, or left by a poster that crashed. */
export function isUnknownClaim(d: Pick<Delivery, 'status' | 'finishedAt' | 'claimedAt'>, now: Date): boolean {
  return d.status === 'claimed' && (d.finishedAt !== null || now.getTime() - d.claimedAt.getTime() >= STALE_CLAIM_MS);
}

/** Prefix of the reason stored when a permanent posting failure pauses a channel. */
export const POSTING_FAILED = 'posting failed';
