import type { webApi } from '@slack/bolt';

/**
 * Retries for the WebClient's own p-retry loop. On a 429 the client first
 * waits the Retry-After seconds (pausing its queue), then this backoff; the
 * same policy covers network errors and 5xx. About 4 s of backoff in all, so
 * a slash command's answer is late rather than lost.
 */
export const SLACK_RETRY: webApi.RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 2_000,
  randomize: true,
};

/** Per-request timeout, so one hung connection cannot hold an answer forever. */
const REQUEST_TIMEOUT_MS = 10_000;

/** How the chat adapter's WebClients (Bolt's) talk to Slack; the tip poster has its own below. */
export function webClientOptions(apiUrl: string | undefined): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: SLACK_RETRY,
    rejectRateLimitedCalls: false,
    timeout: REQUEST_TIMEOUT_MS,
  };
}

/**
 * The tip poster's per-request timeout. A whole post, 429 waits and re-sends
 * included, takes at most twice this (the poster's budget).
 */
export const TIP_POST_TIMEOUT_MS = 10_000;

/**
 * The weekly-tip poster's own WebClient options, unlike the chat adapter's:
 * no retries at all, because a re-send after a timeout, a reset or a 5xx may
 * post the tip a second time. A 429 is rejected to the poster (it means
 * nothing was posted), which waits Retry-After and re-sends itself.
 */
export function tipPosterWebClientOptions(
  apiUrl: string | undefined,
  timeoutMs = TIP_POST_TIMEOUT_MS,
): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  };
}
