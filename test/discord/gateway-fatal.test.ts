import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import { createBot } from '../../src/core/bot.js';
import { shippedContent } from '../helpers/content.js';
import { discordConfig } from './adapter-harness.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.mjs';
import { memoryLogger } from './memory-logger.js';

let fake: FakeDiscord | undefined;
let discord: { stop(): Promise<void> } | undefined;

afterEach(async () => {
  await discord?.stop();
  await fake?.close();
  discord = fake = undefined;
});

describe('gateway closes Discord does not let discord.js recover from', () => {
  it.each([
    [4004, /authentication failed.*DISCORD_TOKEN/],
    [4014, /disallowed intents/],
  ])('after start-up, close %i is logged as an error naming the cause and reported to onFatal', async (code, cause) => {
    fake = await startFakeDiscord();
    const logger = memoryLogger();
    const fatal: Error[] = [];
    discord = await startDiscord({
      bot: createBot({ surface: discordSurface, content: shippedContent() }),
      config: discordConfig(fake.apiUrl),
      logger,
      onFatal: (err) => fatal.push(err),
    });
    fake.dropGateway(code);
    await expect.poll(() => fatal.length).toBe(1);
    expect(fatal[0]!.message).toMatch(cause);
    expect(fatal[0]!.message).toContain(String(code));
    const entry = logger.entries.find((e) => e.level === 'error' && e.obj.code === code);
    expect(entry?.obj.cause).toMatch(cause);
  });

  it('a resumable drop (4000) is left to discord.js and is not fatal', async () => {
    fake = await startFakeDiscord();
    const fatal: Error[] = [];
    discord = await startDiscord({
      bot: createBot({ surface: discordSurface, content: shippedContent() }),
      config: discordConfig(fake.apiUrl),
      logger: memoryLogger(),
      onFatal: (err) => fatal.push(err),
    });
    const resume = fake.nextGatewayOp(6);
    fake.dropGateway(4000);
    await resume;
    expect(fatal).toEqual([]);
  });

  it('during start-up, a refused IDENTIFY (4004) makes startDiscord reject naming the cause, without onFatal', async () => {
    fake = await startFakeDiscord();
    fake.refuseNextIdentify(4004);
    const fatal: Error[] = [];
    const logger = memoryLogger();
    await expect(
      startDiscord({
        bot: createBot({ surface: discordSurface, content: shippedContent() }),
        config: discordConfig(fake.apiUrl),
        logger,
        onFatal: (err) => fatal.push(err),
      }),
    ).rejects.toThrow(/4004 \(authentication failed/);
    expect(fatal).toEqual([]);
  });
});
