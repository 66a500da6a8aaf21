#!/usr/bin/env node
// Time from INTERACTION_CREATE leaving the fake gateway to the interaction
// callback reaching the fake REST API, through a real discord.js Client and
// the built adapter (npx tsc -p tsconfig.build.json first). Target: p99 < 50 ms.
//   node bench/discord-latency.bench.mjs [count]
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startDiscord } from '../dist/adapters/discord/start-discord.js';
import { parseConfig } from '../dist/config.js';
import { createBot } from '../dist/core/bot.js';
import { discordSurface } from '../dist/adapters/discord/discord-surface.js';
import { loadContent } from '../dist/core/content/load-content.js';
import { silentLogger } from '../dist/core/logger.js';
import { SECTION_IDS } from '../dist/core/sections.js';
import { APP_ID, snowflake, startFakeDiscord } from '../test/discord/fake-discord.mjs';

const COUNT = Number(process.argv[2] ?? 1000);
const WARMUP = 100;
const GUILD = '1300000000000000001';
const CHANNEL = '1300000000000000002';
const USER = { id: '1300000000000000004', username: 'ada', discriminator: '0', global_name: 'Ada', avatar: null };

const loaded = loadContent(fileURLToPath(new URL('../content', import.meta.url)));
if (!loaded.ok) throw new Error('content does not load');
const roles = loaded.content.roles.map((r) => r.id);

function interaction(type, data) {
  const id = snowflake();
  return {
    id,
    application_id: APP_ID,
    token: `token-${id}`,
    version: 1,
    type,
    data,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    guild_id: GUILD,
    guild: { id: GUILD, locale: 'en-US', features: [] },
    channel_id: CHANNEL,
    channel: {
      id: CHANNEL,
      type: 0,
      guild_id: GUILD,
      name: 'careers',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
    },
    member: {
      user: USER,
      roles: [],
      permissions: '0',
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    context: 0,
    authorizing_integration_owners: { 0: GUILD },
  };
}
const career = (i) =>
  interaction(2, {
    id: '1400000000000000001',
    name: 'career',
    type: 1,
    options: [
      { name: 'role', type: 3, value: roles[i % roles.length] },
      { name: 'topic', type: 3, value: SECTION_IDS[i % SECTION_IDS.length] },
    ],
  });
const TYPED = ['ml sys', 'knowlege graf', 'lab autom', 'languag ai', 'llm', 'engineer', ''];
const autocomplete = (i) =>
  interaction(4, {
    id: '1400000000000000001',
    name: 'career',
    type: 1,
    options: [{ name: 'role', type: 3, value: TYPED[i % TYPED.length], focused: true }],
  });

const fake = await startFakeDiscord();
const parsed = parseConfig({
  DISCORD_TOKEN: 'bench-token-0123456789abcdef',
  DISCORD_APPLICATION_ID: APP_ID,
  DISCORD_API_URL: fake.apiUrl,
});
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const discord = await startDiscord({
  bot: createBot({ content: loaded.content, surface: discordSurface }),
  config: parsed.config,
  logger: silentLogger,
});

async function measure(make, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const payload = make(i);
    const path = `/interactions/${payload.id}/${payload.token}/callback`;
    const callback = fake.nextRequest((r) => r.path === path);
    const start = performance.now();
    fake.dispatch('INTERACTION_CREATE', payload);
    const r = await callback;
    if (r.status !== 204) throw new Error(`callback answered ${r.status}`);
    times.push(r.at - start);
  }
  return times;
}

function report(name, times) {
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const f = (x) => `${x.toFixed(2)} ms`;
  console.log(
    `${name.padEnd(22)} n=${sorted.length}  p50 ${f(q(50))}  ` +
      `p90 ${f(q(90))}  p99 ${f(q(99))}  max ${f(sorted.at(-1))}  ` +
      `mean ${f(mean)}  ` +
      `${q(99) < 50 ? 'p99 within the 50 ms target' : 'p99 OVER the 50 ms target'}`,
  );
}

await measure(career, WARMUP);
await measure(autocomplete, WARMUP);
report('/career (type 4)', await measure(career, COUNT));
report('autocomplete (type 8)', await measure(autocomplete, COUNT));
console.log(
  `node ${process.version}; ` +
    `INTERACTION_CREATE sent on the fake gateway -> callback received by the fake REST, ` +
    `sequential, after ${WARMUP} warm-up each`,
);

await discord.stop();
await fake.close();
