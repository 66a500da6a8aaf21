#!/usr/bin/env node
// One weekly run fanning out to many subscribed channels through the real
// Discord (or Slack) poster, against a local fake API that enforces a global
// and a per-channel rate limit and answers 429 beyond them. Prints wall time
// against the limit's floor, posts delivered, duplicates, 429s, peak memory.
//
//   npm run build && node bench/tips-fanout.bench.mjs                 # 10,000 Discord channels (~210 s)
//   node bench/tips-fanout.bench.mjs --channels 1000                  # a scaled run (~21 s)
//   node bench/tips-fanout.bench.mjs --platform slack --channels 200  # Slack's pace
//   node bench/tips-fanout.bench.mjs --pg                             # PostgreSQL: TEST_DATABASE_URL,
//                                                                     # else postgres://postgres@127.0.0.1:5432/test
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import pg from 'pg';
import { createDiscordPoster } from '../dist/adapters/discord/discord-poster.js';
import { createSlackPoster } from '../dist/adapters/slack/slack-poster.js';
import { loadContent } from '../dist/core/content/load-content.js';
import { silentLogger } from '../dist/core/logger.js';
import { openStore } from '../dist/store/open-store.js';
import { runDue } from '../dist/tips/run-due.js';
import { startFakeApis } from '../test/tips/helpers/fake-apis.mjs';

// The fake API runs in a worker thread with its own event loop, as a remote
// API would: the bot's pauses must not distort how the fake counts requests.
if (!isMainThread) {
  const fake = await startFakeApis(workerData);
  parentPort.on('message', (msg) => void onMessage(msg));
  parentPort.postMessage({ slackApiUrl: fake.slackApiUrl, discordApiUrl: fake.discordApiUrl });

  async function onMessage(msg) {
    if (msg === 'stats') {
      const summary = (platform) => {
        const counts = [...fake.delivered[platform].values()];
        return {
          delivered: counts.length,
          duplicates: counts.filter((n) => n > 1).length,
          rateLimited: fake.rateLimited[platform],
        };
      };
      parentPort.postMessage({ slack: summary('slack'), discord: summary('discord') });
    } else if (msg === 'close') {
      await fake.close();
      parentPort.close();
    }
  }
} else {
  await main();
}

async function main() {
  const { values } = parseArgs({
    options: {
      channels: { type: 'string', default: '10000' },
      platform: { type: 'string', default: 'discord' },
      latency: { type: 'string', default: '40' },
      pg: { type: 'boolean', default: false },
    },
  });
  const N = Number(values.channels);
  const platform = values.platform === 'slack' ? 'slack' : 'discord';
  const latencyMs = Number(values.latency);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

  // The fake's limits are the platforms' documented ones: Discord 50 requests/s
  // per bot and 5 messages per 5 s per channel; Slack about 1 message/s per
  // channel, with a workspace-wide budget we set at 5/s (300 a minute).
  const LIMITS = { discord: 50, slack: 5 };
  const worker = new Worker(new URL(import.meta.url), {
    workerData: {
      keepBodies: false,
      latencyMs,
      discord: { globalPerSecond: LIMITS.discord, perChannel: { count: 5, windowMs: 5000 } },
      slack: { globalPerSecond: LIMITS.slack, perChannel: { count: 1, windowMs: 1000 } },
    },
  });
  const ask = (msg) =>
    new Promise((resolve) => {
      worker.once('message', resolve);
      if (msg) worker.postMessage(msg);
    });
  const fake = await ask();

  const content = loadContent(path.join(root, 'content'));
  if (!content.ok) throw new Error('content does not load');

  let dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-bench-'));
  let databaseUrl;
  let schema;
  const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (values.pg) {
    schema = `bench_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    const u = new URL(pgUrl);
    u.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = u.toString();
  }
  const store = await openStore({ dataDir, logger: silentLogger, ...(databaseUrl ? { databaseUrl } : {}) });

  const subscribedAt = new Date('2025-03-05T10:00:00Z');
  const t0 = performance.now();
  const channelId = (i) =>
    platform === 'discord' ? String(1_400_000_000_000_000_000n + BigInt(i)) : `C${String(i).padStart(8, '0')}`;
  for (let i = 0; i < N; i += 1) {
    // Spread over zones: every channel's Monday 09:00 has passed by the run below.
    const timeZone = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'][i % 4];
    await store.subscribe(
      { platform, channelId: channelId(i) },
      { day: 'mon', time: '09:00', timeZone },
      { at: subscribedAt, by: 'bench' },
    );
  }
  const setupS = (performance.now() - t0) / 1000;

  const poster =
    platform === 'discord'
      ? createDiscordPoster({
          token: 'bench-discord-token-0123456789',
          apiUrl: fake.discordApiUrl,
          logger: silentLogger,
        })
      : createSlackPoster({ token: 'xoxb-bench', apiUrl: fake.slackApiUrl, logger: silentLogger });

  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 200);
  globalThis.gc?.();
  sample();
  const rssBefore = process.memoryUsage().rss;

  const at = new Date('2025-03-10T16:00:00Z'); // Monday, after 09:00 in all four zones
  const start = performance.now();
  const report = await runDue({
    store,
    content: content.content,
    posters: [poster],
    clock: () => at,
    logger: silentLogger,
  });
  const wallS = (performance.now() - start) / 1000;
  sample();
  clearInterval(sampler);
  const again = await runDue({
    store,
    content: content.content,
    posters: [poster],
    clock: () => new Date(at.getTime() + 60_000),
    logger: silentLogger,
  });

  const stats = (await ask('stats'))[platform];
  const { duplicates } = stats;
  const pace = poster.pace.perSecond;
  const floorS = N / LIMITS[platform];
  const mb = (b) => (b / 1024 / 1024).toFixed(0);
  console.log(
    `tips fan-out: ${N} ${platform} channels, ${values.pg ? 'PostgreSQL' : 'SQLite'} store, ` +
      `${latencyMs} ms fake API latency`,
  );
  console.log(`  setup (subscribe ${N}):  ${setupS.toFixed(1)} s`);
  console.log(`  wall time:              ${wallS.toFixed(1)} s`);
  console.log(
    `  floor at ${LIMITS[platform]}/s:         ${floorS.toFixed(1)} s   ` +
      `(ratio ${(wallS / floorS).toFixed(3)}, target <= 1.1; paced at ${pace}/s)`,
  );
  console.log(
    `  posts delivered:        ${stats.delivered} / ${N}  ` +
      `(report: ${JSON.stringify(Object.fromEntries(Object.entries(report.counts).filter(([, v]) => v > 0)))})`,
  );
  console.log(`  duplicates:             ${duplicates}`);
  console.log(`  429s received:          ${stats.rateLimited}`);
  console.log(
    `  peak memory:            rss ${mb(peakRss)} MB (+${mb(peakRss - rssBefore)} MB during the run), ` +
      `heap ${mb(peakHeap)} MB ` +
      `(the fake API runs in a worker thread of this process)`,
  );
  console.log(`  second run a minute later: due ${again.due}, posted ${again.counts.posted}`);

  await poster.stop();
  await store.close();
  worker.postMessage('close');
  await new Promise((r) => worker.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
  if (schema) {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  }
  // Speed is reported, never failed on; a duplicate or a lost post is a bug.
  process.exit(duplicates > 0 || stats.delivered !== N || again.counts.posted !== 0 ? 1 : 0);
}
