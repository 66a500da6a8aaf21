import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import type { Config } from '../../src/config.js';
import type { Bot } from '../../src/core/bot.js';
import { testConfig } from '../helpers/test-config.js';
import { APP_ID, startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord.mjs';
import { memoryLogger } from './memory-logger.js';

export const TOKEN = 'fake-token-0123456789abcdef';

/** The bot's configuration for a fake Discord at `apiUrl` (its token registered with the log scan). */
export const discordConfig = (apiUrl: string): Config =>
  testConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: apiUrl });

export interface Harness {
  fake: FakeDiscord;
  logger: ReturnType<typeof memoryLogger>;
  /** Dispatches an interaction and returns the callback Discord's REST received for it. */
  interact(payload: { id: string; token: string }): Promise<RecordedRequest>;
  stop(): Promise<void>;
}

/** A real discord.js client, started by `startDiscord`, connected to a fresh fake Discord. */
export async function startHarness(bot: Bot, options: { deferAfterMs?: number } = {}): Promise<Harness> {
  const fake = await startFakeDiscord();
  const logger = memoryLogger();
  const discord = await startDiscord({ bot, config: discordConfig(fake.apiUrl), logger, ...options });
  return {
    fake,
    logger,
    interact(payload) {
      const callback = fake.waitForRequest((r) => r.path === `/interactions/${payload.id}/${payload.token}/callback`);
      fake.dispatch('INTERACTION_CREATE', payload);
      return callback;
    },
    async stop() {
      await discord.stop();
      await fake.close();
    },
  };
}

/** The custom ids of a message's buttons, in order. */
export function buttonIds(message: { components: { components: { custom_id?: string }[] }[] }): string[] {
  return message.components.flatMap((row) => row.components.map((b) => b.custom_id ?? ''));
}
