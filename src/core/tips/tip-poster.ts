import type { Reply } from '../reply.js';

/**
 * The outcome of posting one message. `permanent` failures (channel gone, bot
 * removed, archived) pause the subscription; others are retried next run.
 */
export type PostOutcome =
  | { ok: true; messageId?: string }
  | { ok: false; permanent: boolean; reason: string };

/**
 * Posts a reply into a channel on one platform through its Web/REST API only
 * (no gateway, no listening port), so `tips run-due` can run beside a bot.
 * Implementations rely on their library's own 429/Retry-After handling and
 * never throw for platform errors: they return an outcome.
 */
export interface TipPoster {
  readonly platform: 'slack' | 'discord';
  post(channelId: string, reply: Reply): Promise<PostOutcome>;
  /** Releases sockets/timers; idempotent. */
  stop(): Promise<void>;
}
