import { REST, Routes, type RESTPostAPIChannelMessageResult } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import type { PostOutcome, TipPoster } from '../../core/tips/tip-poster.js';
import { renderEmbed } from './render-embed.js';
import { classifyRestError } from './rest-errors.js';
import { logRestEvents, restOptions } from './rest-options.js';

/**
 * Posts replies (weekly tips) into channels through Discord's REST API only,
 * so `tips run-due` can run beside a connected bot. Never throws for platform
 * errors: missing access, unknown channel and missing permissions are
 * permanent; rate limits are waited out by @discordjs/rest; the rest is
 * retried on a later run.
 */
export function createDiscordPoster(o: { token: string; apiUrl?: string; logger: Logger }): TipPoster {
  const logger = o.logger.child({ component: 'discord-poster' });
  const rest = new REST(restOptions(o.apiUrl)).setToken(o.token);
  logRestEvents(rest, logger);
  let stopped = false;

  const post = async (channelId: string, reply: Reply): Promise<PostOutcome> => {
    if (stopped) return { ok: false, permanent: false, reason: 'poster stopped' };
    try {
      // Channel messages cannot be ephemeral and have no one to share them: plain render.
      const body = renderEmbed(reply);
      const message = (await rest.post(Routes.channelMessages(channelId), { body })) as RESTPostAPIChannelMessageResult;
      logger.debug({ channel: channelId, message: message.id }, 'posted');
      return { ok: true, messageId: message.id };
    } catch (err) {
      const failure = classifyRestError(err);
      logger[failure.permanent ? 'warn' : 'error']({ err, channel: channelId, code: failure.code, status: failure.status, permanent: failure.permanent }, 'discord post failed');
      return { ok: false, permanent: failure.permanent, reason: failure.reason };
    }
  };

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  };

  return { platform: 'discord', post, stop };
}
