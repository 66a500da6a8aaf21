import type { Config } from '../config.js';
import type { Logger } from '../core/logger.js';
import type { TipPoster } from '../core/tips/tip-poster.js';

/**
 * Web API / REST posters for the platforms whose tokens are set: no gateway,
 * no listening port. Each platform's library is imported only when its token
 * is set (Bolt and discord.js are ~35 and ~20 MB resident each).
 */
export async function postersFromConfig(config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL' | 'DISCORD_TOKEN' | 'DISCORD_API_URL'>, logger: Logger): Promise<TipPoster[]> {
  const posters: TipPoster[] = [];
  if (config.SLACK_BOT_TOKEN) posters.push((await import('../adapters/slack/slack-poster.js')).createSlackPoster({ token: config.SLACK_BOT_TOKEN, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}), logger }));
  if (config.DISCORD_TOKEN) posters.push((await import('../adapters/discord/discord-poster.js')).createDiscordPoster({ token: config.DISCORD_TOKEN, ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}), logger }));
  return posters;
}
