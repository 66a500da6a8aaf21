import { afterEach, describe, expect, it } from 'vitest';
import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { startDiscord, type DiscordAdapter } from '../../src/adapters/discord/start-discord.js';
import { discordPlatform } from '../../src/adapters/discord/discord-platform.js';
import { createReadiness } from '../../src/ops/readiness.js';
import { createBot } from '../../src/core/bot.js';
import { shippedContent } from '../helpers/content.js';
import { discordConfig } from './adapter-harness.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.mjs';
import { memoryLogger } from './memory-logger.js';
import { careerCommandInGuild, guildOnShard } from './payloads.js';

let fake: FakeDiscord | undefined;
let discord: DiscordAdapter | undefined;
afterEach(async () => {
  await discord?.stop();
  await fake?.close();
  discord = fake = undefined;
});

async function start(f: FakeDiscord, fatal: Error[] = []): Promise<DiscordAdapter> {
  return startDiscord({
    bot: createBot({ surface: discordSurface, content: shippedContent() }),
    config: discordConfig(f.apiUrl),
    logger: memoryLogger(),
    deferAfterMs: 2000,
    onFatal: (e) => fatal.push(e),
  });
}

/** /career in a guild, dispatched on the shard that holds it; resolves with the callback Discord's REST got. */
async function askInGuild(f: FakeDiscord, guildId: string) {
  const payload = careerCommandInGuild(guildId, 'llm sme', 'skills');
  const callback = f.waitForRequest((r) => r.path === `/interactions/${payload.id}/${payload.token}/callback`);
  const shard = f.dispatchForGuild(guildId, 'INTERACTION_CREATE', payload);
  return { shard, callback: await callback };
}

describe('Discord sharding (real discord.js client, fake gateway)', () => {
  it('starts with the shard count Discord recommends and answers guilds on every shard', async () => {
    fake = await startFakeDiscord({ shards: 2 });
    discord = await start(fake);
    expect([...fake.shards]).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(discord.ready()).toBe(true);
    expect(discord.shards()).toEqual({ 0: 'ready', 1: 'ready' });
    for (const shard of [0, 1]) {
      const answered = await askInGuild(fake, guildOnShard(shard, 2));
      expect(answered.shard).toBe(shard);
      expect(answered.callback.body.data.embeds[0].title).toBe('Large Language Model SME · Skills');
    }
  });

  it('reshards when Discord closes a running shard with 4011, instead of stopping', async () => {
    fake = await startFakeDiscord({ shards: 1 });
    const fatal: Error[] = [];
    discord = await start(fake, fatal);
    expect([...fake.shards.keys()]).toEqual([0]);
    // The bot outgrew one shard: Discord now recommends two and refuses fewer.
    fake.recommendShards(2);
    fake.requireShards(2);
    fake.dropShard(0, 4011);
    await expect.poll(() => discord!.ready() && fake!.shards.size === 2, { timeout: 10_000 }).toBe(true);
    expect(fatal).toEqual([]);
    expect(discord.shards()).toEqual({ 0: 'ready', 1: 'ready' });
    for (const shard of [0, 1]) expect((await askInGuild(fake, guildOnShard(shard, 2))).callback.body.type).toBe(4);
  });

  it('reshards during login when 4011 comes before ready, even if /gateway/bot still says one shard (doubling)', async () => {
    fake = await startFakeDiscord({ shards: 1 });
    fake.requireShards(2);
    discord = await start(fake);
    expect([...fake.shards.values()]).toEqual([2, 2]);
    expect(discord.ready()).toBe(true);
  });

  it('names the shards that are not ready in the readiness report (/readyz), and none once all are', async () => {
    fake = await startFakeDiscord({ shards: 2 });
    const started = await discordPlatform.start({
      bot: createBot({ surface: discordSurface, content: shippedContent() }),
      config: discordConfig(fake.apiUrl),
      logger: memoryLogger(),
      onFatal: () => undefined,
    });
    discord = { ready: () => started.ready(), shards: () => ({}), stop: () => started.stop() };
    const readiness = createReadiness();
    readiness.add({ name: 'discord', ready: () => started.ready(), notReadyParts: () => started.notReadyParts!() });
    expect(await readiness.report()).toMatchObject({ ready: true, notReady: [] });
    // Shard 1 loses its session (4007 invalid seq: a fresh IDENTIFY) and its READY is held back.
    const release = fake.holdReady();
    fake.dropShard(1, 4007);
    await expect
      .poll(async () => (await readiness.report()).notReady, { timeout: 10_000 })
      .toEqual(['discord', 'discord: shard 1 reconnecting']);
    release();
    await expect.poll(async () => (await readiness.report()).ready, { timeout: 10_000 }).toBe(true);
  });
});
