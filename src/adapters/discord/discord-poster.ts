import { createHash } from 'node:crypto';
import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  REST,
  Routes,
  type RateLimitData,
  type RESTPostAPIChannelMessageResult,
} from 'discord.js';
import type { Reply } from '../../core/reply.js';
import type { PostingPace, PostOptions, PostOutcome, TipPoster } from '../../core/tips/tip-poster.js';
import { createTipPoster, networkOutcome, type PosterOptions } from '../shared/tip-poster-scaffold.js';
import { renderEmbed } from './render-embed.js';
import { classifyRestError } from './rest-errors.js';
import { logRestEvents, TIP_POST_TIMEOUT_MS, tipPosterRestOptions } from './rest-options.js';
import { discordSurface } from './discord-surface.js';

/** Discord allows 50 requests per second per bot; kept a little under so clock jitter does not tip a window over. */
export const DISCORD_PACE: PostingPace = { perSecond: 48, perChannelMs: 1100, concurrency: 8 };

/** Discord's limit on a message nonce. */
const MAX_NONCE = 25;

export type DiscordPosterOptions = PosterOptions;

/**
 * Posts replies (weekly tips) into channels through Discord's REST API only,
 * so `tips run-due` can run beside a connected bot. Its REST client never
 * re-sends after a timeout, a reset or a 5xx (the message may be posted
 * already); each post carries a `nonce` with `enforce_nonce`, so Discord
 * itself returns the first message instead of creating a second should the
 * same claim be sent again. Rate limits are waited out by @discordjs/rest,
 * within the post's budget. Never throws for platform errors.
 */
export function createDiscordPoster(o: DiscordPosterOptions): TipPoster {
  const logger = o.logger.child({ component: 'discord-poster' });
  const timeoutMs = o.timeoutMs ?? TIP_POST_TIMEOUT_MS;
  const budgetMs = 2 * timeoutMs;
  /** Route path → when its post's budget ends (epoch ms), for the rate-limit filter. */
  const deadlines = new Map<string, number>();
  const rejectOnRateLimit = (d: RateLimitData): boolean => {
    const path = safePath(d.url);
    const end = path === null ? undefined : deadlines.get(path);
    // Wait (and re-send after a 429, which posted nothing) only if that still ends within the budget.
    return end === undefined || Date.now() + Math.max(d.timeToReset, d.retryAfter) + timeoutMs > end;
  };
  const rest = new REST(tipPosterRestOptions(o.apiUrl, { timeoutMs, rejectOnRateLimit })).setToken(o.token);
  logRestEvents(rest, logger);

  const send = async (channelId: string, reply: Reply, options: PostOptions): Promise<PostOutcome> => {
    const route = Routes.channelMessages(channelId);
    deadlines.set(route, Date.now() + budgetMs);
    try {
      // Channel messages cannot be ephemeral and have no one to share them: plain render.
      const nonce = options.idempotencyKey === undefined ? undefined : toNonce(options.idempotencyKey);
      const body = { ...renderEmbed(reply), ...(nonce ? { nonce, enforce_nonce: true } : {}) };
      // @discordjs/rest drops the token after a 401; set it again so a later run tries once more.
      rest.setToken(o.token);
      const message = (await rest.post(route, { body })) as RESTPostAPIChannelMessageResult;
      logger.debug({ channel: channelId, message: message.id }, 'posted');
      return { ok: true, messageId: message.id };
    } finally {
      deadlines.delete(route);
    }
  };

  return createTipPoster({
    platform: 'discord',
    surface: discordSurface,
    pace: DISCORD_PACE,
    logger,
    budgetMs,
    send,
    classify: discordOutcome,
    describe: (err) => {
      const { code, status } = classifyRestError(err);
      return { code, status };
    },
    release: () => {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  });
}

/** Posted, not posted (and why), or unknown: what a failed REST call says about the message. */
export function discordOutcome(err: unknown): PostOutcome & { ok: false } {
  const { permanent, reason } = classifyRestError(err);
  if (err instanceof DiscordAPIError) {
    // A 4xx with Discord's JSON: refused, nothing was posted. 401: the token itself.
    if (err.status === 401) return { ok: false, permanent: false, reason, tokenRefused: true };
    return err.status >= 500
      ? { ok: false, permanent: false, unknown: true, reason }
      : { ok: false, permanent, reason };
  }
  if (err instanceof HTTPError)
    return err.status >= 500
      ? { ok: false, permanent: false, unknown: true, reason }
      : { ok: false, permanent: false, reason };
  // Refused to wait past the budget: the request was not (re-)sent.
  if (err instanceof RateLimitError) return { ok: false, permanent: false, reason };
  // After a 401 @discordjs/rest drops the token and refuses to send at all.
  if (err instanceof Error && /Expected token to be set/.test(err.message))
    return { ok: false, permanent: false, reason: 'discord token refused (401)', tokenRefused: true };
  return networkOutcome(err);
}

/** A nonce Discord accepts (≤ 25 characters), the same for the same key. */
function toNonce(key: string): string {
  return key.length <= MAX_NONCE ? key : createHash('sha256').update(key).digest('base64url').slice(0, MAX_NONCE);
}

function safePath(url: string): string | null {
  try {
    const path = new URL(url).pathname;
    // The api base may carry a path prefix and the version; the route is what follows `/v10`.
    const m = /\/v\d+(\/.*)$/.exec(path);
    return m ? m[1]! : path;
  } catch {
    return null;
  }
}
