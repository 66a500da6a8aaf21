import type { webApi } from '@slack/bolt';

/**
 * Retries for the WebClient's own p-retry loop. On a 429 the client first
 * waits the Retry-After seconds (pausing its queue), then this backoff; the
 * same policy covers network errors and 5xx. About 4 s of backoff in all, so
 * a slash command's answer is late rather than lost.
 */
export const SLACK_RETRY: webApi.RetryOptions = { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 2_000, randomize: true };

/** Per-request timeout, so one hung connection cannot hold an answer forever. */
const REQUEST_TIMEOUT_MS = 10_000;

/** One place for how every WebClient of ours talks to Slack (Bolt's and the tip poster's). */
export function webClientOptions(apiUrl: string | undefined): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: SLACK_RETRY,
    rejectRateLimitedCalls: false,
    timeout: REQUEST_TIMEOUT_MS,
  };
}
