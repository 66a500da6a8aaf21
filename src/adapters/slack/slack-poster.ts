import { webApi } from '@slack/bolt';
import type { Reply } from '../../core/reply.js';
import type { PostingPace, PostOptions, PostOutcome, TipPoster } from '../../core/tips/tip-poster.js';
import { createTipPoster, networkOutcome, type PosterOptions } from '../shared/tip-poster-scaffold.js';
import { toBoltLogger } from './bolt-logger.js';
import { renderBlocks } from './render-blocks.js';
import { TIP_POST_TIMEOUT_MS, tipPosterWebClientOptions } from './web-client-options.js';
import { CHANNEL_GONE } from './slack-errors.js';
import { slackSurface } from './slack-surface.js';

/**
 * Errors about the bot's token itself, or what the app is allowed to do with
 * it (a scope the installation lacks): every channel would fail the same way
 * until an operator fixes the app, so the run stops asking after one.
 */
const TOKEN_REFUSED: ReadonlySet<string> = new Set([
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'not_authed',
  'missing_scope',
  'not_allowed_token_type',
]);

/** Platform errors after which Slack says "it's possible some aspect of the operation succeeded". */
const MAYBE_DONE: ReadonlySet<string> = new Set(['internal_error', 'fatal_error']);

/** About 1 message per second per channel, and a workspace-wide budget of several hundred a minute. */
export const SLACK_PACE: PostingPace = { perSecond: 4, perChannelMs: 1100, concurrency: 4 };

/** Re-sends after a 429 (which means nothing was posted), at most. */
const MAX_RATE_LIMITED_RESENDS = 3;

/** OAuth mode: the bot token of a workspace's installation (its own or its org's), undefined when it has none. */
export type WorkspaceToken = (where: {
  workspace: string | null;
  organization: string | null;
}) => Promise<string | undefined>;

export interface SlackPosterOptions extends Omit<PosterOptions, 'token'> {
  /** One workspace's bot token, or (OAuth mode) a lookup of each subscription's workspace's. */
  token: string | WorkspaceToken;
  /** Waits out a 429's Retry-After; injected by tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** Thrown (and classified as a permanent failure: the subscription pauses) when a workspace has no installation. */
class NotInstalledError extends Error {}
/** The installation could not be read (the store failed, or it does not open): nothing was sent; try next run. */
class LookupError extends Error {}

/**
 * Posts replies (the weekly tips) into Slack channels through the Web API
 * only: no receiver, no socket, so `career-bot tips run-due` can run beside a
 * running bot. Its WebClient never retries on its own (a timeout or a 5xx may
 * come after Slack posted the message, and a re-send would post it twice);
 * a 429 is waited out and re-sent here, a bounded number of times. Every
 * platform failure comes back as an outcome, never as a throw.
 */
export function createSlackPoster(o: SlackPosterOptions): TipPoster {
  const log = o.logger.child({ component: 'slack-poster' });
  const timeoutMs = o.timeoutMs ?? TIP_POST_TIMEOUT_MS;
  const budgetMs = 2 * timeoutMs;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const perWorkspace = typeof o.token === 'function' ? o.token : undefined;
  const client = new webApi.WebClient(perWorkspace ? undefined : (o.token as string), {
    ...tipPosterWebClientOptions(o.apiUrl, timeoutMs),
    logger: toBoltLogger(log),
  });

  const send = async (channelId: string, reply: Reply, options: PostOptions, started: number): Promise<PostOutcome> => {
    // The call's own token overrides the client's: one client serves every workspace.
    const token = perWorkspace
      ? await perWorkspace({ workspace: options.workspace ?? null, organization: options.organization ?? null }).catch(
          (err: unknown) => {
            throw new LookupError(`the workspace's installation could not be read: ${(err as Error).message}`);
          },
        )
      : undefined;
    if (perWorkspace && !token)
      throw new NotInstalledError(
        `the app is not installed in Slack workspace ${options.workspace ?? '(none recorded)'}`,
      );
    for (let resends = 0; ; resends++) {
      try {
        const result = await client.chat.postMessage({
          ...(token ? { token } : {}),
          channel: channelId,
          ...renderBlocks(reply),
          unfurl_links: false,
          unfurl_media: false,
        });
        return result.ts ? { ok: true, messageId: result.ts } : { ok: true };
      } catch (err) {
        const waitMs = err instanceof webApi.WebAPIRateLimitedError ? Math.max(0, err.retryAfter) * 1000 : null;
        // Re-send after a 429 only if the re-send, its own timeout included, ends within the post's budget.
        if (
          waitMs === null ||
          resends >= MAX_RATE_LIMITED_RESENDS ||
          performance.now() - started + waitMs + timeoutMs > budgetMs
        )
          throw err;
        log.warn(
          { channel: channelId, retryAfter: waitMs / 1000 },
          'slack: rate limited; waiting Retry-After before re-sending the tip',
        );
        await sleep(waitMs);
      }
    }
  };

  // The WebClient holds no sockets or timers of its own between calls: nothing to release.
  // OAuth mode: one workspace's refused token says nothing of the others, so it
  // pauses that channel (permanent) rather than halting every Slack channel.
  const classify = (err: unknown) => {
    if (err instanceof NotInstalledError) return { ok: false as const, permanent: true, reason: err.message };
    if (err instanceof LookupError) return { ok: false as const, permanent: false, reason: err.message };
    const outcome = slackOutcome(err);
    return perWorkspace && outcome.tokenRefused
      ? { ok: false as const, permanent: true, reason: `the workspace's token was refused (${outcome.reason})` }
      : outcome;
  };
  return createTipPoster({
    platform: 'slack',
    surface: slackSurface,
    pace: SLACK_PACE,
    logger: log,
    budgetMs,
    send,
    classify,
  });
}

/** Posted, not posted (and why), or unknown: what a WebClient failure (other than a 429) says about the message. */
export function slackOutcome(err: unknown): PostOutcome & { ok: false } {
  if (err instanceof webApi.WebAPIPlatformError) {
    // Slack answered 200 with ok:false: it refused, nothing was posted.
    const code = String(err.data.error);
    if (CHANNEL_GONE.has(code)) return { ok: false, permanent: true, reason: code };
    if (TOKEN_REFUSED.has(code)) return { ok: false, permanent: false, reason: code, tokenRefused: true };
    // Slack says part of the operation may have succeeded before these.
    if (MAYBE_DONE.has(code)) return { ok: false, permanent: false, unknown: true, reason: code };
    // Not one of Slack's codes: the body was not the API's JSON, so we cannot tell what happened.
    if (!/^[a-z0-9_]+$/.test(code)) return { ok: false, permanent: false, unknown: true, reason: 'unreadable answer' };
    return { ok: false, permanent: false, reason: code };
  }
  if (err instanceof webApi.WebAPIHTTPError) {
    const reason = `http_${err.statusCode}`;
    // A 5xx can come after the message was stored; other statuses are refusals.
    return err.statusCode >= 500
      ? { ok: false, permanent: false, unknown: true, reason }
      : { ok: false, permanent: false, reason };
  }
  if (err instanceof webApi.WebAPIRateLimitedError) return { ok: false, permanent: false, reason: 'ratelimited' };
  // A 429 without a usable Retry-After: still a 429, nothing was posted.
  if (err instanceof Error && /Retry header did not contain a valid timeout/.test(err.message))
    return { ok: false, permanent: false, reason: 'ratelimited' };
  return networkOutcome(err);
}
