/** A claim older than this with no mark is taken to be a crashed poster, not one still at work. */
export const STALE_CLAIM_MS = 15 * 60 * 1000;

/** Prefix of the reason stored when a permanent posting failure pauses a channel. */
export const POSTING_FAILED = 'posting failed';
