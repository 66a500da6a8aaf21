import { webApi } from '@slack/bolt';

/** Errors that mean "this channel is gone to us": retrying cannot help, so a subscription pauses. */
export const CHANNEL_GONE: ReadonlySet<string> = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);

export interface SlackFailure {
  /** Slack's error string (`channel_not_found`), or `ratelimited`, `network`, `http_503`, `unknown`. */
  code: string;
  /** True when the channel itself is unusable (pause its subscription). */
  channelGone: boolean;
}

/**
 * Names a Web API failure. Platform errors carry Slack's own code; rate limits
 * reach us only after the WebClient's retries are spent.
 */
export function classifySlackError(error: unknown): SlackFailure {
  const code = codeOf(error);
  return { code, channelGone: CHANNEL_GONE.has(code) };
}

function codeOf(error: unknown): string {
  if (error instanceof webApi.WebAPIPlatformError) return String(error.data.error);
  if (error instanceof webApi.WebAPIRateLimitedError) return 'ratelimited';
  if (error instanceof webApi.WebAPIRequestError) return 'network';
  if (error instanceof webApi.WebAPIHTTPError) return `http_${error.statusCode}`;
  if (error instanceof Error && /rate limit was exceeded/i.test(error.message)) return 'ratelimited';
  return 'unknown';
}
