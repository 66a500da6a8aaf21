import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';

/**
 * Discord error codes that mean "this channel will not take our messages"
 * until someone changes something: retrying would fail the same way.
 */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.MissingAccess, // 50001: bot removed or cannot see the channel
  RESTJSONErrorCodes.UnknownChannel, // 10003: channel deleted
  RESTJSONErrorCodes.MissingPermissions, // 50013: cannot send messages or embeds there
]);

export interface RestFailure {
  permanent: boolean;
  reason: string;
  status?: number;
  code?: number;
}

/** What a failed REST call means for the caller. Network errors and 5xx are worth retrying later. */
export function classifyRestError(err: unknown): RestFailure {
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : undefined;
    return {
      permanent: code !== undefined && PERMANENT_CODES.has(code),
      reason: `discord ${err.status} (code ${err.code}): ${err.message}`,
      status: err.status,
      ...(code !== undefined ? { code } : {}),
    };
  }
  if (err instanceof HTTPError)
    return { permanent: false, reason: `discord ${err.status}: ${err.message}`, status: err.status };
  if (err instanceof RateLimitError)
    return { permanent: false, reason: `rate limited on ${err.route} for ${err.timeToReset} ms` };
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  const detail = [e?.code, e?.name === 'AbortError' ? 'timed out' : undefined, e?.message]
    .filter((x) => typeof x === 'string' && x)
    .join(': ');
  return { permanent: false, reason: `network error: ${detail || String(err)}` };
}
