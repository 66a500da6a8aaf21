import type { ServerResponse } from 'node:http';
import type { Logger as BoltLogger } from '@slack/bolt';
import { BUSY } from './copy.js';

/** Busy notes to response_url in flight at most (buttons only; commands carry theirs in the ack). */
export const MAX_BUSY_POSTS = 100;
/** A busy note that takes longer is abandoned. */
export const BUSY_POST_TIMEOUT_MS = 5_000;
/** Shed requests are logged as one line per interval, not one line each. */
const LOG_EVERY_MS = 1_000;

type Body = Record<string, unknown>;

/**
 * Turns away a request the backlog has no room for, at once and for
 * almost nothing, instead of queueing it:
 * - a slash command gets BUSY in its acknowledgement (Slack shows an ack's
 *   body to the user, privately): no outbound request, nothing kept;
 * - a button press is acknowledged, then told BUSY through its response_url
 *   (an ack body is not shown for buttons), with at most MAX_BUSY_POSTS in flight;
 * - anything else (an Events API callback) gets 503, so Slack delivers it
 *   again later (it retries events three times over about five minutes).
 */
export function createShedder(logger: BoltLogger, now: () => number = Date.now) {
  let busyPosts = 0;
  let shed = 0;
  let lastLog = 0;
  const note = (why: string) => {
    shed += 1;
    const at = now();
    if (at - lastLog < LOG_EVERY_MS) return;
    logger.warn(`slack: ${why}; ${shed} request(s) told busy since the last such line`);
    lastLog = at;
    shed = 0;
  };
  const tellBusy = (url: string) => {
    if (busyPosts >= MAX_BUSY_POSTS)
      return logger.warn('slack: too many busy notes in flight; a button press goes unanswered');
    busyPosts += 1;
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: BUSY }),
      signal: AbortSignal.timeout(BUSY_POST_TIMEOUT_MS),
    })
      .then((r) => r.body?.cancel())
      .catch((err: unknown) => logger.warn(`slack: could not deliver a busy note, ${(err as Error).message}`))
      .finally(() => (busyPosts -= 1));
  };
  return (body: Body, res: ServerResponse, why: string): void => {
    note(why);
    if (typeof body.command === 'string') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ response_type: 'ephemeral', text: BUSY }));
    } else if (body.type === 'block_actions') {
      res.writeHead(200).end();
      if (typeof body.response_url === 'string') tellBusy(body.response_url);
    } else {
      res.writeHead(503, { 'retry-after': '60' }).end();
    }
  };
}
