import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
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
 * the gateway drops.
 */
export async function startDiscord(o: {
  bot: Bot;
  config: Config;
  logger: Logger;
  /** Answers slower than this are deferred first (default 1.5 s; tests shorten it). */
  deferAfterMs?: number;
}): Promise<{ stop(): Promise<void> }> {
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
  client.on(Events.ShardDisconnect, (event, shard) => logger.error({ shard, code: event.code }, 'discord gateway closed and will not reconnect'));
  logRestEvents(client.rest, logger);

  const ready = once(client, Events.ClientReady);
  ready.catch(() => {});
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  const application = client.application?.id;
  logger.info({ user: client.user?.tag, application }, 'discord connected');
  if (o.config.DISCORD_APPLICATION_ID && application && application !== o.config.DISCORD_APPLICATION_ID) {
    logger.warn({ configured: o.config.DISCORD_APPLICATION_ID, application }, 'DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN');
  }

  return {
    stop: () =>
      (stopping ??= client.destroy().then(() => {
        logger.info({}, 'discord stopped');
      })),
  };
}
