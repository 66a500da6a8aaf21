import { discordPlatform } from '../adapters/discord/discord-platform.js';
import type { Platform } from '../adapters/platform.js';
import { slackPlatform } from '../adapters/slack/slack-platform.js';
import type { Config } from '../config.js';
import type { Logger } from '../core/logger.js';
import type { TipPoster } from '../core/tips/tip-poster.js';
import type { TipStore } from '../store/tip-store.js';

/** Every chat platform the bot can run on: adding one is a folder under src/adapters and a line here. */
export const PLATFORMS: readonly Platform[] = [slackPlatform, discordPlatform];

export function platformNamed(name: string | undefined): Platform | undefined {
  return PLATFORMS.find((p) => p.name === name);
}

/** Web API / REST posters for the platforms whose tokens are set: no gateway, no listening port. */
export async function postersFromConfig(config: Config, logger: Logger, store?: TipStore): Promise<TipPoster[]> {
  const posters = await Promise.all(PLATFORMS.map((p) => p.poster(config, logger, store)));
  return posters.filter((p): p is TipPoster => p !== null);
}
