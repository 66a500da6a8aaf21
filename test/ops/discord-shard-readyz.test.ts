import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.mjs';
import { careerCommandInGuild, guildOnShard } from '../discord/payloads.js';
import { startBot, type BotProcess } from './bot-process.js';

const DISCORD_TOKEN = 'fake-token-0123456789abcdef';

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  bot = fake = undefined;
});

const READY = { status: 200, body: '{"status":"ready"}' };
const shardOneDown = { status: 'not ready', notReady: ['discord', 'discord: shard 1 reconnecting'] };

/** The real bin with Discord only, on a fake gateway that recommends two shards; resolves once both are ready. */
async function startOnTwoShards(): Promise<{ fake: FakeDiscord; bot: BotProcess }> {
  fake = await startFakeDiscord({ shards: 2 });
  bot = await startBot({ DISCORD_TOKEN, DISCORD_API_URL: fake.apiUrl });
  await bot.waitForLog('career-bot started');
  expect([...fake.shards]).toEqual([
    [0, 2],
    [1, 2],
  ]);
  return { fake, bot };
}

/** `/career` in a server on shard 1: answered through that shard's connection. */
async function answeredOnShardOne(f: FakeDiscord): Promise<number> {
  const payload = careerCommandInGuild(guildOnShard(1, 2), 'llm sme', 'skills');
  const callback = f.nextRequest((r) => r.path === `/interactions/${payload.id}/${payload.token}/callback`);
  expect(f.dispatchForGuild(payload.guild_id, 'INTERACTION_CREATE', payload)).toBe(1);
  return (await callback).body.type as number;
}

// Each IDENTIFY after the first waits out the gateway's identify spacing (about 5 s), so these take a while.
describe('/readyz per Discord shard (the real bin, a two-shard fake gateway)', { timeout: 60_000 }, () => {
  it.each([
    ['a dropped connection', 4000, 'resumes the session', 6],
    ['an invalid session', 4007, 'identifies afresh', 2],
  ] as const)(
    'is 200 with both shards ready, 503 naming shard 1 after %s (close %i) until it %s, then 200',
    async (_why, code, _then, op) => {
      const { fake, bot } = await startOnTwoShards();
      expect(await bot.probe('/readyz')).toEqual(READY);
      // Discord's READY or RESUMED is held back, so shard 1 stays reconnecting.
      const release = fake.holdReady();
      const reconnected = fake.nextGatewayOp(op);
      fake.dropShard(1, code);
      await reconnected;
      const down = await bot.probe('/readyz');
      expect(down.status).toBe(503);
      expect(JSON.parse(down.body)).toEqual(shardOneDown);
      expect((await bot.probe('/metrics')).body).toMatch(/^career_bot_ready\{check="discord"\} 0$/m);
      // Live all the while: a reconnecting shard is no reason to restart the process.
      expect((await bot.probe('/healthz')).status).toBe(200);
      release();
      expect(await bot.probeUntil('/readyz', (r) => r.status === 200)).toEqual(READY);
      expect(await answeredOnShardOne(fake)).toBe(4);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    },
  );
});
