import { createServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { main } from '../../src/cli/main.js';
import { PG_TIMEOUTS } from '../../src/store/open-store.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.mjs';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.js';
import { captureStream, registerSecretsIn } from '../helpers/log-sink.js';
import { SECRET } from '../slack/harness.js';
import { freePort } from './bot-process.js';

/** Runs the CLI's start path in-process; resolves with the exit code and everything written to stderr. */
async function run(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  registerSecretsIn(env);
  let stderr = '';
  const err = new PassThrough();
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  captureStream(err, 'cli stderr');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-cfg-'));
  const code = await main([], {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr: err,
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    // A stop that never comes: these runs end by failing.
    signals: { stopRequested: new Promise(() => undefined), release: () => undefined },
  });
  return { code, stderr };
}

/** The one line meant for the operator. */
const failureLine = (stderr: string) =>
  stderr.split('\n').find((l) => l.startsWith('career-bot: failed to start: ')) ?? stderr;

let fakeSlack: FakeSlack | undefined;
let fakeDiscord: FakeDiscord | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  await fakeSlack?.close();
  await fakeDiscord?.close();
  blocker?.close();
  fakeSlack = fakeDiscord = blocker = undefined;
});

async function occupiedPort(): Promise<number> {
  const port = await freePort();
  blocker = createServer().listen(port);
  await new Promise((r) => blocker!.once('listening', r));
  return port;
}

describe('config mistakes name the variable and the fix', () => {
  it.each(['1e3', ' 0x10 ', '3000.0', '-1', '65536', '80abc'])('PORT=%j is refused', (port) => {
    const result = parseConfig({ PORT: port });
    expect(result).toEqual({
      ok: false,
      errors: ['PORT: PORT must be a whole number from 0 to 65535, digits only (e.g. PORT=3000)'],
    });
  });

  it('PORT=8080 and an unset PORT are fine', () => {
    expect(parseConfig({ PORT: '8080' })).toMatchObject({ ok: true, config: { PORT: 8080 } });
    expect(parseConfig({})).toMatchObject({ ok: true, config: { PORT: 3000, TIPS_SCHEDULER: 'on' } });
  });

  it('TIPS_SCHEDULER takes on or off', () => {
    expect(parseConfig({ TIPS_SCHEDULER: 'OFF' })).toMatchObject({ ok: true, config: { TIPS_SCHEDULER: 'off' } });
    expect(parseConfig({ TIPS_SCHEDULER: 'no' })).toEqual({
      ok: false,
      errors: ['TIPS_SCHEDULER: TIPS_SCHEDULER must be on or off'],
    });
  });

  it.each([
    'postgres://bob:hunter2@db:notaport/career',
    'postgres://bob:hunter2@/career',
    'mysql://bob:hunter2@db/career',
    'postgres:bob:hunter2',
  ])('a malformed DATABASE_URL (%s) is refused without echoing it', async (url) => {
    const { code, stderr } = await run({ DATABASE_URL: url, DISCORD_TOKEN: 'fake-token-0123456789abcdef' });
    expect(code).toBe(1);
    expect(stderr).toContain(
      'DATABASE_URL: DATABASE_URL must be a URL such as postgres://user:password@db.example:5432/career_bot',
    );
    expect(stderr).not.toContain('hunter2');
  });

  it('a port in use (Slack HTTP mode)', async () => {
    fakeSlack = await startFakeSlack();
    const port = await occupiedPort();
    const { code, stderr } = await run({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fakeSlack.apiUrl,
      PORT: String(port),
    });
    expect(code).toBe(1);
    expect(failureLine(stderr)).toBe(
      `career-bot: failed to start: PORT: port ${port} is already in use (EADDRINUSE) by another process; ` +
        'stop that process or set PORT to a free port',
    );
  });

  it('a port in use (Discord only: the probes server)', async () => {
    const port = await occupiedPort();
    const { code, stderr } = await run({
      DISCORD_TOKEN: 'fake-token-0123456789abcdef',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      PORT: String(port),
    });
    expect(code).toBe(1);
    expect(failureLine(stderr)).toContain(`PORT: port ${port} is already in use (EADDRINUSE)`);
  });

  it('an unreachable DATABASE_URL: host and port shown, password never', async () => {
    const closed = await freePort();
    const { code, stderr } = await run({
      DATABASE_URL: `postgres://bob:hunter2@127.0.0.1:${closed}/career`,
      DISCORD_TOKEN: 'fake-token-0123456789abcdef',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(failureLine(stderr)).toBe(
      `career-bot: failed to start: DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${closed}/career (ECONNREFUSED); ` +
        'check the host and port, and that the server is running and accepts connections from here',
    );
    expect(stderr).not.toContain('hunter2');
  });

  it('a PostgreSQL that accepts connections but never answers: the connect timeout names it', async () => {
    const silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const { code, stderr } = await run({
        DATABASE_URL: `postgres://bob:hunter2@127.0.0.1:${port}/career`,
        DISCORD_TOKEN: 'fake-token-0123456789abcdef',
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
        PORT: '0',
      });
      expect(code).toBe(1);
      expect(failureLine(stderr)).toBe(
        `career-bot: failed to start: DATABASE_URL: PostgreSQL at 127.0.0.1:${port}/career did not answer in time; ` +
          'check the host, port and firewall',
      );
      expect(Date.now() - started).toBeLessThan(PG_TIMEOUTS.connectMs + 3_000);
      expect(stderr).not.toContain('hunter2');
    } finally {
      silent.close();
    }
  }, 20_000);

  it('a refused Slack bot token: which one, and where to get a new one', async () => {
    fakeSlack = await startFakeSlack();
    fakeSlack.failNext('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const { code, stderr } = await run({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fakeSlack.apiUrl,
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(failureLine(stderr)).toBe(
      'career-bot: failed to start: SLACK_BOT_TOKEN: Slack refused the token (invalid_auth); ' +
        'get a new one at https://api.slack.com/apps > your app > OAuth & Permissions > Bot User OAuth Token',
    );
    expect(stderr).not.toContain('xoxb-revoked');
  });

  it('an unreachable Slack API, after the Web API client retries', async () => {
    const closed = await freePort();
    const { code, stderr } = await run({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(failureLine(stderr)).toMatch(
      new RegExp(
        String.raw`^career-bot: failed to start: SLACK_API_URL: cannot reach the Slack API after retries \(ECONNREFUSED\); ` +
          String.raw`check the network, proxy, or SLACK_API_URL if set$`,
      ),
    );
  }, 20_000);

  it('a refused Discord token', async () => {
    fakeDiscord = await startFakeDiscord();
    fakeDiscord.refuseNextIdentify(4004);
    const { code, stderr } = await run({
      DISCORD_TOKEN: 'fake-token-0123456789abcdef',
      DISCORD_API_URL: fakeDiscord.apiUrl,
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(failureLine(stderr)).toBe(
      'career-bot: failed to start: DISCORD_TOKEN: Discord refused the token; ' +
        'reset it at https://discord.com/developers/applications > your app > Bot > Reset Token',
    );
  });

  it('an unreachable Discord API, after retries', async () => {
    const closed = await freePort();
    const { code, stderr } = await run({
      DISCORD_TOKEN: 'fake-token-0123456789abcdef',
      DISCORD_API_URL: `http://127.0.0.1:${closed}/api`,
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(failureLine(stderr)).toMatch(
      /^career-bot: failed to start: DISCORD_API_URL: cannot reach the Discord API after retries \(/,
    );
  }, 30_000);
});
