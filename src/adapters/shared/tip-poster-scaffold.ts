import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import type { Surface } from '../../core/surface.js';
import { networkFailure } from '../../core/tips/request-errors.js';
import type { PostingPace, PostOptions, PostOutcome, TipPoster } from '../../core/tips/tip-poster.js';

type Failure = PostOutcome & { ok: false };

/** What every platform's poster is made from. */
export interface PosterOptions {
  token: string;
  /** The platform API's base URL (tests point it at a local fake). */
  apiUrl?: string;
  logger: Logger;
  /** Per-request timeout; a post takes at most twice this, rate-limit waits included. */
  timeoutMs?: number;
}

/** What one platform adds to the shared poster: how to send, and what a thrown failure means. */
export interface PosterParts {
  platform: string;
  surface: Surface;
  pace: PostingPace;
  logger: Logger;
  /** A post never takes longer than this: then its outcome is unknown. */
  budgetMs: number;
  /**
   * Sends one post; throws what the platform's library throws. `started` is
   * `performance.now()` at the post's start.
   */
  send(channelId: string, reply: Reply, options: PostOptions, started: number): Promise<PostOutcome>;
  /** Posted-or-not of a thrown failure; `networkOutcome` covers what is not the platform's own. */
  classify(err: unknown): Failure;
  /** Extra fields for the failure's log line (the platform's error code...). */
  describe?(err: unknown): object;
  /** Releases the library's sockets and timers. */
  release?(): void;
}

/**
 * The tip poster every platform shares: a stopped poster posts nothing, a
 * post ends by its budget (its outcome then unknown), a failure is logged
 * once and returned as an outcome, never thrown.
 */
export function createTipPoster(parts: PosterParts): TipPoster {
  const { logger, budgetMs } = parts;
  let stopped = false;

  const failed = (channelId: string, err: unknown): Failure => {
    const outcome = parts.classify(err);
    const fields = {
      reason: outcome.reason,
      permanent: outcome.permanent,
      unknown: outcome.unknown ?? false,
      tokenRefused: outcome.tokenRefused ?? false,
    };
    logger.warn(
      { err, channel: channelId, ...parts.describe?.(err), ...fields },
      `${parts.platform}: posting a tip failed`,
    );
    return outcome;
  };

  const post = async (channelId: string, reply: Reply, options: PostOptions = {}): Promise<PostOutcome> => {
    if (stopped) return { ok: false, permanent: false, reason: 'poster stopped' };
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    // A hard stop at the budget, should a body stall after the headers came: the outcome is then unknown.
    const deadline = new Promise<PostOutcome>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, permanent: false, unknown: true, reason: `no answer within ${budgetMs} ms` }),
        budgetMs,
      );
    });
    const sent = parts.send(channelId, reply, options, started).catch((err: unknown) => failed(channelId, err));
    try {
      return await Promise.race([sent, deadline]);
    } finally {
      clearTimeout(timer);
    }
  };

  // Releasing is synchronous; the promise is the TipPoster's shape, shared with posters that must wait.
  const stop = (): Promise<void> => {
    if (!stopped) {
      stopped = true;
      parts.release?.();
    }
    return Promise.resolve();
  };

  return { platform: parts.platform, surface: parts.surface, pace: parts.pace, post, stop };
}

/** A failure below the platform's API (no connection, a reset, a timeout): one wording for every platform. */
export function networkOutcome(err: unknown): Failure {
  const network = networkFailure(err);
  const reason = `network: ${network.detail}`;
  return network.notSent
    ? { ok: false, permanent: false, reason }
    : { ok: false, permanent: false, unknown: true, reason };
}
