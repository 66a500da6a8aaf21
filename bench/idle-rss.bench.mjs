#!/usr/bin/env node
// Idle memory (RSS) of the bot next to bare library apps, in one run.
//
// Each subject is a separate process, started against local fakes on
// 127.0.0.1 (Slack's Web API answers auth.test; Discord's fake gateway says
// READY), left idle for IDLE_MS, then read from /proc/PID/status (VmRSS), the
// figure a container's memory limit counts. Subjects:
//   bare Bolt        an @slack/bolt App in HTTP mode, one listener, nothing else
//   bare discord.js  a Client with the bot's intents, logged in
//   bot slack-http   bin/career-bot.js with Slack in HTTP mode (SQLite store)
//   bot discord      bin/career-bot.js with Discord only
// Usage: node bench/idle-rss.bench.mjs [idleMs=8000]   (build first: npm run build)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '../test/discord/fake-discord.mjs';

const IDLE_MS = Number(process.argv[2] ?? 8000);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'career-bot.js');
const TOKEN = 'fake-token-0123456789abcdef';

// A Slack Web API that says yes to everything the bot calls at start-up.
const slack = createServer((req, res) => {
  req.resume();
  req.on('end', () =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', url: 'https://x.slack.com/' })),
  );
}).listen(0, '127.0.0.1');
await new Promise((r) => slack.once('listening', r));
const slackApi = `http://127.0.0.1:${slack.address().port}/api/`;
const discord = await startFakeDiscord();

const bareBolt = `
  const { App } = await import('@slack/bolt');
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: 'benchsigningsecret01',
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  });
  app.command('/career', async ({ ack }) => ack());
  await app.start(0);
  process.stderr.write('ready\\n');`;
const bareDiscord = `
  const { Client, GatewayIntentBits, Partials } = await import('discord.js');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: process.env.DISCORD_API_URL },
  });
  client.once('clientReady', () => process.stderr.write('ready\\n'));
  await client.login(process.env.DISCORD_TOKEN);`;

const subjects = [
  {
    name: 'bare Bolt (HTTP)',
    args: ['--input-type=module', '-e', bareBolt],
    env: { SLACK_API_URL: slackApi },
    ready: 'ready',
  },
  {
    name: 'bare discord.js',
    args: ['--input-type=module', '-e', bareDiscord],
    env: { DISCORD_API_URL: discord.apiUrl, DISCORD_TOKEN: TOKEN },
    ready: 'ready',
  },
  {
    name: 'bot, Slack HTTP',
    args: [BIN],
    env: {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'benchsigningsecret01',
      SLACK_API_URL: slackApi,
      PORT: '0',
    },
    ready: 'career-bot started',
  },
  {
    name: 'bot, Discord only',
    args: [BIN],
    env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, PORT: '0' },
    ready: 'career-bot started',
  },
];

const rows = [];
for (const s of subjects) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-rss-'));
  const child = spawn(process.execPath, s.args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...s.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      log += d;
      if (log.includes(s.ready)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${s.name} exited ${code}:\n${log}`)));
  });
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]);
  rows.push({ name: s.name, mb: rssKb / 1024 });
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}
slack.close();
await discord.close();

const base = { slack: rows[0].mb, discord: rows[1].mb };
console.log(`idle RSS after ${IDLE_MS / 1000} s (VmRSS), node ${process.version}:`);
for (const r of rows) {
  const vs = r.name.startsWith('bot, Slack')
    ? ` = ${(r.mb / base.slack).toFixed(2)}x bare Bolt`
    : r.name.startsWith('bot, Discord')
      ? ` = ${(r.mb / base.discord).toFixed(2)}x bare discord.js`
      : '';
  console.log(`  ${r.name.padEnd(20)} ${r.mb.toFixed(1).padStart(6)} MB${vs}`);
}
