import { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import type { PostOutcome, TipPoster } from '../../core/tips/tip-poster.js';
import { toBoltLogger } from './bolt-logger.js';
import { renderBlocks } from './render-blocks.js';
import { classifySlackError } from './slack-errors.js';
import { webClientOptions } from './web-client-options.js';

/**
 * Posts replies (the weekly tips) into Slack channels through the Web API
 * only: no receiver, no socket, so `career-bot tips run-due` can run beside a
 * running bot. Rate limits are retried by the WebClient; every platform
 * failure comes back as an outcome, never as a throw.
 */
export function createSlackPoster(o: { token: string; apiUrl?: string; logger: Logger }): TipPoster {
  const log = o.logger.child({ component: 'slack-poster' });
  const client = new webApi.WebClient(o.token, { ...webClientOptions(o.apiUrl), logger: toBoltLogger(log) });
  let stopped = false;

  const post = async (channelId: string, reply: Reply): Promise<PostOutcome> => {
    if (stopped) return { ok: false, permanent: false, reason: 'poster stopped' };
    try {
      const result = await client.chat.postMessage({ channel: channelId, ...renderBlocks(reply), unfurl_links: false, unfurl_media: false });
      return result.ts ? { ok: true, messageId: result.ts } : { ok: true };
    } catch (err) {
      const failure = classifySlackError(err);
      const context = { err, channel: channelId, code: failure.code, permanent: failure.channelGone };
      if (failure.channelGone) log.warn(context, 'slack: channel unusable for tips; its subscription should pause');
      else log.error(context, 'slack: posting a tip failed; will retry next run');
      return { ok: false, permanent: failure.channelGone, reason: failure.code };
    }
  };

  return {
    platform: 'slack',
    post,
    // The WebClient holds no sockets or timers of its own between calls.
    stop: async () => {
      stopped = true;
    },
  };
}
