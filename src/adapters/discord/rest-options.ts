import { RESTEvents, type REST, type RESTOptions } from 'discord.js';
import type { Logger } from '../../core/logger.js';

/**
 * REST options shared by the gateway client, the tip poster and command
 * registration. @discordjs/rest queues per bucket, waits out 429s (reading
 * Retry-After and the X-RateLimit headers) and retries 5xx and network
 * errors `retries` times; we only point it at DISCORD_API_URL.
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
      { method: info.method, route: info.route, retryAfter: info.retryAfter, global: info.global, scope: info.scope, limit: info.limit },
      'discord rate limit hit; waiting before retrying',
    ),
  );
  rest.on(RESTEvents.InvalidRequestWarning, (info) =>
    logger.warn({ count: info.count, remainingTime: info.remainingTime }, 'many invalid discord requests (401/403/429)'),
  );
}
