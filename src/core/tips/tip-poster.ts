import type { Reply } from '../reply.js';
import type { Surface } from '../surface.js';

/**
 * The outcome of posting one message, in three kinds:
 *
 * - `ok: true`: posted.
 * - `ok: false` without `unknown`: definitely not posted (the platform refused,
 *   a 429 that stayed, the connection was refused before anything was sent).
 *   `permanent` failures (channel gone, bot removed, archived) pause the
 *   subscription; others are retried by a later run. `tokenRefused` means the
 *   platform refused the bot's token itself (or the permission to post), so no
 *   channel of that platform can be posted to until an operator fixes it.
 * - `ok: false, unknown: true`: the request may have reached the platform and
 *   nobody knows whether it posted (a timeout, a connection reset after
 *   sending, a 5xx). Never re-sent: the slot is left as an unknown outcome.
 */
export type PostOutcome =
  | { ok: true; messageId?: string }
  | { ok: false; permanent: boolean; reason: string; unknown?: true; tokenRefused?: true };

export interface PostOptions {
  /**
   * Stable for one ledger claim (≤ 25 characters), so a platform that can
   * de-duplicate (Discord's `nonce` with `enforce_nonce`) drops a re-send.
   */
  idempotencyKey?: string;
  /** The channel's workspace (Slack team), for a poster that holds one token per workspace. */
  workspace?: string | null;
  /** The workspace's org (Slack Enterprise Grid), whose org-wide install may hold the token. */
  organization?: string | null;
}

/**
 * Posts a reply into a channel on one platform through its Web/REST API only
 * (no gateway, no listening port), so `tips run-due` can run beside a bot.
 * Implementations never blindly re-send (a re-send after a timeout can post
 * twice), only after a 429, which means nothing was posted; they never throw
 * for platform errors: they return an outcome.
 */
/** How fast one platform may be posted to. */
export interface PostingPace {
  /** Posts per second across all channels (the bot's global budget). */
  perSecond: number;
  /** Minimum gap between two posts to the same channel. */
  perChannelMs: number;
  /** Posts in flight at once; enough to cover latency and a library's 429 back-off. */
  concurrency: number;
}

export interface TipPoster {
  readonly platform: string;
  /** The platform's own posting pace, kept by the tips runner. */
  readonly pace: PostingPace;
  /** How the platform writes command hints, for the posted tip's "read more". */
  readonly surface: Surface;
  post(channelId: string, reply: Reply, options?: PostOptions): Promise<PostOutcome>;
  /** Releases sockets/timers; idempotent. */
  stop(): Promise<void>;
}
