#!/usr/bin/env node
// The cost of authorising one Slack event in OAuth mode (the `authorize`
// Bolt calls before any listener: installation lookup, decryption of the
// sealed installation, bounded LRU cache) with 10,000 installations stored.
// Two workloads: events spread evenly over every workspace (most miss the
// 2,000-entry cache: a store read and an AES-GCM open each), and a skewed
// one (80% of events from 500 busy workspaces). Then one uninstall, to show
// the cache forgets it at once. Prints p50/p99/max per event.
//
//   npm run build && node bench/slack-authorize.bench.mjs            # SQLite
//   node bench/slack-authorize.bench.mjs --pg                        # PostgreSQL
//     (at TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test)
//   node bench/slack-authorize.bench.mjs --installs 10000 --events 20000
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { setupOAuth } from '../dist/adapters/slack/oauth/oauth-mode.js';
import { toBoltLogger } from '../dist/adapters/slack/bolt-logger.js';
import { parseConfig } from '../dist/config.js';
import { silentLogger } from '../dist/core/logger.js';
import { openStore } from '../dist/store/open-store.js';

const { values } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    installs: { type: 'string', default: '10000' },
    events: { type: 'string', default: '20000' },
  },
});
const installs = Number(values.installs);
const events = Number(values.events);

let schema;
let databaseUrl;
const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-authorize-'));
if (values.pg) {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  schema = `bench_auth_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  databaseUrl = url.toString();
}

const store = await openStore({ ...(databaseUrl ? { databaseUrl } : {}), dataDir, logger: silentLogger });
const parsed = parseConfig({
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'benchclientsecret0',
  SLACK_STATE_SECRET: 'bench-state-secret-0123456789',
  SLACK_SIGNING_SECRET: 'benchsigningsecret',
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
});
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const oauth = setupOAuth({
  config: parsed.config,
  store,
  boltLogger: toBoltLogger(silentLogger),
  logger: silentLogger,
});

const team = (i) => `T${String(i).padStart(6, '0')}`;
let t0 = performance.now();
for (let i = 0; i < installs; i++) {
  await oauth.installations.storeInstallation({
    team: { id: team(i), name: `Team ${i}` },
    enterprise: undefined,
    user: { id: 'UI', token: undefined, scopes: undefined },
    bot: {
      token: `xoxb-${i}-${randomBytes(12).toString('hex')}`,
      id: `B${i}`,
      userId: `UB${i}`,
      scopes: ['chat:write', 'commands'],
    },
    isEnterpriseInstall: false,
    tokenType: 'bot',
    appId: 'A1',
    authVersion: 'v2',
  });
}
console.log(
  `stored ${installs} sealed installations on ${values.pg ? 'postgres' : 'sqlite'}` +
    ` in ${((performance.now() - t0) / 1000).toFixed(1)} s (${await store.installations.count()} rows)`,
);

const authorize = (i) => oauth.authorize({ teamId: team(i), enterpriseId: undefined, isEnterpriseInstall: false });

async function measure(name, pick) {
  const times = new Float64Array(events);
  for (let e = 0; e < events; e++) {
    const i = pick();
    const start = performance.now();
    const result = await authorize(i);
    times[e] = performance.now() - start;
    if (!result.botToken?.startsWith(`xoxb-${i}-`)) throw new Error(`wrong token for ${team(i)}`);
  }
  times.sort();
  const q = (p) => times[Math.min(events - 1, Math.floor(p * events))].toFixed(3);
  console.log(
    `${name.padEnd(44)} events ${events}  p50 ${q(0.5)} ms  p99 ${q(0.99)} ms  max ${times[events - 1].toFixed(3)} ms`,
  );
}

await measure('uniform over all workspaces (cache 2,000)', () => Math.floor(Math.random() * installs));
await measure('skewed: 80% from 500 busy workspaces', () =>
  Math.random() < 0.8 ? Math.floor(Math.random() * 500) : Math.floor(Math.random() * installs),
);

// An uninstall evicts at once: the next event from that workspace is refused.
await authorize(1);
await oauth.installations.remove({ teamId: team(1) });
t0 = performance.now();
const refused = await authorize(1).then(
  () => false,
  () => true,
);
console.log(
  `after uninstalling ${team(1)}: its next event ${refused ? 'refused' : 'STILL AUTHORISED'}` +
    ` (${(performance.now() - t0).toFixed(3)} ms)`,
);

await store.close();
rmSync(dataDir, { recursive: true, force: true });
if (schema) {
  const admin = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
  await admin.connect();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
if (!refused) process.exit(1);
