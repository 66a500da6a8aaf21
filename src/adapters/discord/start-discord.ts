import { once } from 'node:events';
import { Client, Events, GatewayCloseCodes, GatewayIntentBits, Partials, REST, RESTEvents, Status } from 'discord.js';
import {
  RECOMMENDED,
  reshardPlan,
  SHARDING_REQUIRED,
  trackShards,
  type ShardPlan,
  type ShardState,
  type ShardStates,
} from './sharding.js';
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
 *
 * Sharding: all shards run in this process (internal sharding; see
 * docs/discord.md for why not ShardingManager), as many as Discord recommends
 * at login. When Discord closes a shard with 4011 (the bot outgrew its shard
 * count, e.g. past 2,500 servers on one shard) the client is replaced by one
 * with more shards instead of the bot stopping.
 */
export async function startDiscord(o: {
  bot: Bot;
  config: Config;
  logger: Logger;
  /** Answers slower than this are deferred first (default 1.5 s; tests shorten it). */
  deferAfterMs?: number;
  /**
   * Called once if, after start-up, Discord closes the gateway with a code
   * discord.js does not reconnect after (4004, 4010, 4012-4014), or a reshard
   * after 4011 fails: the bot would stay up but hear nothing, so the caller
   * should stop it. Before start-up completes the same failure rejects
   * `startDiscord` instead.
   */
  onFatal?: (err: Error) => void;
  /** Told of every 429 the REST layer meets (metrics). */
  onRateLimited?: () => void;
}): Promise<DiscordAdapter> {
  const token = o.config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const logger = o.logger.child({ component: 'discord' });
  const deps = { bot: o.bot, logger, ...(o.deferAfterMs !== undefined ? { deferAfterMs: o.deferAfterMs } : {}) };
  // Its own REST for /gateway/bot: a client that failed to log in has dropped its token.
  const gatewayRest = new REST(restOptions(o.config.DISCORD_API_URL)).setToken(token);
  let stopping: Promise<void> | undefined;
  let current: Connection | undefined;
  let resharding: Promise<void> | undefined;
  let reported = false;
  const retired = new WeakSet<Client>();
  const retire = (client: Client) => {
    retired.add(client);
    return client.destroy();
  };
  const report = (err: Error) => {
    if (reported || stopping) return;
    reported = true;
    try {
      o.onFatal?.(err);
    } catch (e) {
      logger.error({ err: e }, 'onFatal failed');
    }
  };

  /** One discord.js Client over every shard of `plan`, logged in and ready; after a 4011 during login, resharded. */
  const connect = async (plan: ShardPlan, reshards = 0): Promise<Connection> => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
      partials: [Partials.Channel],
      allowedMentions: NO_MENTIONS,
      rest: restOptions(o.config.DISCORD_API_URL),
      ...plan,
    });
    const shards = trackShards(client);
    const live = () => !stopping && current?.client === client;
    client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
    client.on(Events.MessageCreate, (message) => void handleDirectMessage(message, deps));
    // Without an 'error' listener an emitted error would crash the process.
    client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
    client.on(Events.Warn, (message) => logger.warn({ message }, 'discord warning'));
    client.on(Events.ShardError, (err, shard) => logger.error({ err, shard }, 'discord gateway error'));
    client.on(Events.ShardReady, (shard) => logger.info({ shard, of: shards.count() }, 'discord shard ready'));
    client.on(Events.ShardReconnecting, (shard) => {
      // destroy() closes the socket the same way a drop does; only a drop is news.
      if (live()) logger.info({ shard }, 'discord gateway reconnecting');
    });
    client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'discord gateway resumed'));
    // discord.js emits this only for the close codes it will not reconnect after.
    let fatal: Error | undefined;
    let needsShards = false;
    client.on(Events.ShardDisconnect, (event, shard) => {
      // A client being replaced or destroyed closes its shards itself: not news.
      if (stopping || retired.has(client)) return;
      if (event.code === SHARDING_REQUIRED) {
        // Too many servers for this many shards: reconnect with more instead of going deaf.
        needsShards = true;
        logger.warn(
          { shard, code: event.code, shards: shards.count() },
          'discord requires more shards (4011); resharding',
        );
        if (live()) void reshard(client, shards.count());
        return;
      }
      const cause = closeCause(event.code);
      fatal = new Error(`Discord closed the gateway with ${event.code} (${cause}); discord.js will not reconnect`);
      logger.error(
        { shard, code: event.code, cause },
        'discord gateway closed for good; the bot no longer receives anything from Discord',
      );
      if (live()) report(fatal);
    });
    logRestEvents(client.rest, logger);
    if (o.onRateLimited) client.rest.on(RESTEvents.RateLimited, o.onRateLimited);

    const ready = once(client, Events.ClientReady);
    ready.catch(() => {});
    try {
      await client.login(token);
      await ready;
    } catch (err) {
      const next = needsShards && reshards < MAX_RESHARDS ? await reshardPlan(gatewayRest, shards.count()) : undefined;
      await retire(client);
      if (next) {
        logger.info({ shards: next.shardCount }, 'discord: connecting again with more shards');
        return connect(next, reshards + 1);
      }
      throw fatal ? new Error(fatal.message, { cause: err }) : err;
    }
    return { client, shards };
  };

  const reshard = (old: Client, count: number): Promise<void> =>
    (resharding ??= (async () => {
      try {
        const plan = await reshardPlan(gatewayRest, count);
        await retire(old);
        const next = await connect(plan);
        if (stopping) return void (await retire(next.client));
        current = next;
        logger.info({ shards: plan.shardCount }, 'discord resharded');
      } catch (err) {
        logger.error({ err }, 'discord: resharding failed; the bot no longer receives anything from Discord');
        report(err as Error);
      } finally {
        resharding = undefined;
      }
    })());

  current = await connect(RECOMMENDED);
  const { client } = current;
  const application = client.application?.id;
  logger.info({ user: client.user?.tag, application, shards: current.shards.count() }, 'discord connected');
  if (o.config.DISCORD_APPLICATION_ID && application && application !== o.config.DISCORD_APPLICATION_ID) {
    logger.warn(
      { configured: o.config.DISCORD_APPLICATION_ID, application },
      'DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN',
    );
  }

  return {
    // Deaf after a fatal close even though the process is up; while discord.js
    // resumes (any shard), the bot hears nothing.
    ready: () =>
      stopping === undefined &&
      !reported &&
      !resharding &&
      Boolean(current?.client.isReady()) &&
      current?.client.ws.status === Status.Ready &&
      Boolean(current?.shards.allReady()),
    shards: () => current?.shards.snapshot() ?? {},
    stop: () =>
      (stopping ??= (async () => {
        await resharding;
        if (current) await retire(current.client);
        gatewayRest.clearHashSweeper();
        gatewayRest.clearHandlerSweeper();
        logger.info({}, 'discord stopped');
      })()),
  };
}

/** Reshards in a row during one login before giving up (each at least doubles the count). */
const MAX_RESHARDS = 3;

interface Connection {
  client: Client;
  shards: ShardStates;
}

export interface DiscordAdapter {
  /** Connected on every shard, not resharding, not stopping. */
  ready(): boolean;
  /** Each shard's state, for readiness checks and logs. */
  shards(): Record<number, ShardState>;
  stop(): Promise<void>;
}

/** The gateway close codes discord.js does not reconnect after, in words for whoever runs the bot. */
const CLOSE_CAUSES: Readonly<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    'authentication failed: DISCORD_TOKEN was rejected; reset it in the developer portal',
  [GatewayCloseCodes.InvalidShard]: 'invalid shard',
  [GatewayCloseCodes.ShardingRequired]: 'sharding required: the bot is in too many servers for one connection',
  [GatewayCloseCodes.InvalidAPIVersion]: 'invalid gateway API version',
  [GatewayCloseCodes.InvalidIntents]: 'invalid intents',
  [GatewayCloseCodes.DisallowedIntents]:
    'disallowed intents: an intent the application is not allowed in the developer portal',
};

/** What a non-resumable gateway close code means for whoever runs the bot. */
export function closeCause(code: number): string {
  return CLOSE_CAUSES[code] ?? `gateway close code ${code}`;
}
