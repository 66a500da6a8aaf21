import type { Platform } from '../platform.js';
import { createDiscordPoster } from './discord-poster.js';
import { discordSurface } from './discord-surface.js';
import { startDiscord } from './start-discord.js';

/** Discord through discord.js: the gateway for chat, REST for tips. */
export const discordPlatform: Platform = {
  name: 'discord',
  surface: discordSurface,
  chatEnabled: (config) => config.discord,
  start: async ({ bot, config, logger, onFatal }) => {
    const discord = await startDiscord({ bot, config, logger, onFatal });
    return { ready: () => discord.ready(), readiness: () => ({ shards: discord.shards() }), stop: () => discord.stop() };
  },
  poster: (config, logger) =>
    config.DISCORD_TOKEN ? createDiscordPoster({ token: config.DISCORD_TOKEN, ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}), logger }) : null,
};
