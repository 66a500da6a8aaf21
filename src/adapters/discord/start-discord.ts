import { once } from 'node:events';
import { Client, Events, GatewayCloseCodes, GatewayIntentBits, Partials, RESTEvents, Status } from 'discord.js';
import type { Config } from '../../config.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../core/logger.js';
import { handleDirectMessage } from './dm-handler.js';
import { handleInteraction } from './interaction-handler.js';
import { NO_MENTIONS } from './message-options.js';
import { logRestEvents, restOptions } from './rest-options.js';

/**
 * Connects the bot to Discord's gateway and answers slash commands, buttons
 * and DMs. Intents: Guilds (servers the bot is in) and DirectMessages (DM
 * events); no privileged intent, since Discord delivers the content of DMs to
 * bots without Message Content. Partials.Channel lets a DM arrive in a DM
 * channel not yet cached. discord.js resumes or re-identifies by itself when
 * the gateway drops; when Discord closes it for good (a rejected token,
 * disallowed intents...) the adapter is deaf, so it tells `onFatal`.
 */
export async function startDiscord(o: {
  bot: Bot;
  config: Config;
  logger: Logger;
  /** Answers slower than this are deferred first (default 1.5 s; tests shorten it). */
  deferAfterMs?: number;
  /**
   * Called once if, after start-up, Discord closes the gateway with a code
   * discord.js does not reconnect after (4004, 4010-4014): the bot would stay
   * up but hear nothing, so the caller should stop it. Before start-up
   * completes the same failure rejects `startDiscord` instead.
   */
  onFatal?: (err: Error) => void;
  /** Told of every 429 the REST layer meets (metrics). */
  onRateLimited?: () => void;
}): Promise<{ ready(): boolean; stop(): Promise<void> }> {
  const token = o.config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const logger = o.logger.child({ component: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: restOptions(o.config.DISCORD_API_URL),
  });
  let stopping: Promise<void> | undefined;
  const deps = { bot: o.bot, logger, ...(o.deferAfterMs !== undefined ? { deferAfterMs: o.deferAfterMs } : {}) };

  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
  client.on(Events.MessageCreate, (message) => void handleDirectMessage(message, deps));
  // Without an 'error' listener an emitted error would crash the process.
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord warning'));
  client.on(Events.ShardError, (err, shard) => logger.error({ err, shard }, 'discord gateway error'));
  client.on(Events.ShardReconnecting, (shard) => {
    // destroy() closes the socket the same way a drop does; only a drop is news.
    if (!stopping) logger.info({ shard }, 'discord gateway reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'discord gateway resumed'));
  // discord.js emits this only for the close codes it will not reconnect after.
  let fatal: Error | undefined;
  let started = false;
  let reported = false;
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (stopping) return;
    const cause = closeCause(event.code);
    fatal = new Error(`Discord closed the gateway with ${event.code} (${cause}); discord.js will not reconnect`);
    logger.error({ shard, code: event.code, cause }, 'discord gateway closed for good; the bot no longer receives anything from Discord');
    if (!started || reported) return;
    reported = true;
    try {
      o.onFatal?.(fatal);
    } catch (err) {
      logger.error({ err }, 'onFatal failed');
    }
  });
  logRestEvents(client.rest, logger);
  if (o.onRateLimited) client.rest.on(RESTEvents.RateLimited, o.onRateLimited);

  const ready = once(client, Events.ClientReady);
  ready.catch(() => {});
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw fatal ? new Error(fatal.message, { cause: err }) : err;
  }
  started = true;
  const application = client.application?.id;
  logger.info({ user: client.user?.tag, application }, 'discord connected');
  if (o.config.DISCORD_APPLICATION_ID && application && application !== o.config.DISCORD_APPLICATION_ID) {
    logger.warn({ configured: o.config.DISCORD_APPLICATION_ID, application }, 'DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN');
  }

  return {
    // Deaf after a fatal close even though the process is up; while discord.js resumes, the bot hears nothing.
    ready: () => stopping === undefined && !reported && client.isReady() && client.ws.status === Status.Ready,
    stop: () =>
      (stopping ??= client.destroy().then(() => {
        logger.info({}, 'discord stopped');
      })),
  };
}

/** The gateway close codes discord.js does not reconnect after, in words for whoever runs the bot. */
const CLOSE_CAUSES: Readonly<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]: 'authentication failed: DISCORD_TOKEN was rejected; reset it in the developer portal',
  [GatewayCloseCodes.InvalidShard]: 'invalid shard',
  [GatewayCloseCodes.ShardingRequired]: 'sharding required: the bot is in too many servers for one connection',
  [GatewayCloseCodes.InvalidAPIVersion]: 'invalid gateway API version',
  [GatewayCloseCodes.InvalidIntents]: 'invalid intents',
  [GatewayCloseCodes.DisallowedIntents]: 'disallowed intents: an intent the application is not allowed in the developer portal',
};

/** What a non-resumable gateway close code means for whoever runs the bot. */
export function closeCause(code: number): string {
  return CLOSE_CAUSES[code] ?? `gateway close code ${code}`;
}
