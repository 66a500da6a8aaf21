import { RESTEvents, type REST, type RESTOptions } from 'discord.js';
import type { Logger } from '../../core/logger.js';

/**
 * REST options shared by the gateway client and command registration (the
 * tip poster has its own, below). @discordjs/rest queues per bucket, waits
 * out 429s (reading Retry-After and the X-RateLimit headers) and retries 5xx
 * and network errors `retries` times; we only point it at DISCORD_API_URL.
 */
export function restOptions(apiUrl: string | undefined): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl.replace(/\/+$/, '') } : {}),
    retries: 3,
    timeout: 15_000,
    // Never reject on a rate limit: wait it out, as Discord asks.
    rejectOnRateLimit: null,
  };
}

/** Logs what the REST layer does about limits, so waits are explained in the logs. */
export function logRestEvents(rest: REST, logger: Logger): void {
  rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(
      {
        method: info.method,
        route: info.route,
        retryAfter: info.retryAfter,
        global: info.global,
        scope: info.scope,
        limit: info.limit,
      },
      'discord rate limit hit; waiting before retrying',
    ),
  );
  rest.on(RESTEvents.InvalidRequestWarning, (info) =>
    logger.warn(
      { count: info.count, remainingTime: info.remainingTime },
      'many invalid discord requests (401/403/429)',
    ),
  );
}

/**
 * The tip poster's per-request timeout. A whole post, rate-limit waits and
 * re-sends after a 429 included, takes at most twice this (the poster's budget).
 */
export const TIP_POST_TIMEOUT_MS = 10_000;

/**
 * The weekly-tip poster's own REST options, unlike the gateway client's: no
 * retries of 5xx, timeouts or resets (the message may already be posted, and a
 * re-send would post it twice). @discordjs/rest still queues around rate
 * limits and re-sends after a 429, which posted nothing; `rejectOnRateLimit`
 * lets the poster refuse a wait that would run past its post's budget.
 */
export function tipPosterRestOptions(
  apiUrl: string | undefined,
  o: { timeoutMs: number; rejectOnRateLimit: NonNullable<RESTOptions['rejectOnRateLimit']> },
): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl.replace(/\/+$/, '') } : {}),
    retries: 0,
    timeout: o.timeoutMs,
    rejectOnRateLimit: o.rejectOnRateLimit,
  };
}
