import type { Platform } from '../platform.js';
import { discordSurface } from './discord-surface.js';

/**
 * Discord through discord.js: the gateway for chat, REST for tips.
 * discord.js is imported only when Discord is used (about 20 MB resident).
 */
export const discordPlatform: Platform = {
  name: 'discord',
  surface: discordSurface,
  // A snowflake: a 64-bit number in decimal, 17 digits or more for anything made since 2015.
  channelIdProblem: (id) =>
    /^\d{17,20}$/.test(id) ? null : 'a Discord channel id is a snowflake of 17 to 20 digits, e.g. 112233445566778899',
  chatEnabled: (config) => config.discord,
  servesRoutes: () => false,
  start: async ({ bot, config, logger, onFatal, onRateLimited }) => {
    const discord = await (
      await import('./start-discord.js')
    ).startDiscord({ bot, config, logger, onFatal, ...(onRateLimited ? { onRateLimited } : {}) });
    const notReadyParts = () =>
      Object.entries(discord.shards())
        .filter(([, state]) => state !== 'ready')
        .map(([id, state]) => `shard ${id} ${state}`);
    return { ready: () => discord.ready(), notReadyParts, stop: () => discord.stop() };
  },
  poster: async (config, logger) =>
    config.DISCORD_TOKEN
      ? (await import('./discord-poster.js')).createDiscordPoster({
          token: config.DISCORD_TOKEN,
          ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
          logger,
        })
      : null,
};
