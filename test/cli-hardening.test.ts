import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore, PG_TIMEOUTS } from '../src/store/open-store.js';
import { captureChild, registerSecretsIn, testLogger } from './helpers/log-sink.js';
import { startFakeApis, type FakeApis } from './tips/helpers/fake-apis.mjs';

const BIN = fileURLToPath(new URL('../bin/career-bot.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../dist/cli/terminal-text.js', import.meta.url));
/** Root ignores file modes: the read-only case runs the bin as nobody then. */
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  env: Record<string, string>,
  o: { uid?: number; gid?: number; during?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<Run> {
  registerSecretsIn(env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env },
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(o.uid !== undefined ? { uid: o.uid, gid: o.gid } : {}),
    });
    captureChild(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    o.during?.(child);
  });
}

const ESC = '\u001b';

describe('the CLI at its edges (issue 12, through the real bin)', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-hardening-'));
    dirs.push(dir);
    return dir;
  };
  let fake: FakeApis | undefined;
  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('dist/ is stale or missing: run `npm run build` first (npm test does)');
  });
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("refuses channel ids that are not the platform's, and echoes nothing raw to the terminal", async () => {
    const env = { DATA_DIR: fresh() };
    const cases: [string, string][] = [
      ['slack', `${ESC}]0;pwned${'\u0007'}C0123ABCD${ESC}[2J`],
      ['slack', 'C'.repeat(10_000)],
      ['slack', 'c0123abcd'],
      ['slack', 'X0123ABCD'],
      ['discord', '4242'],
      ['discord', 'C0123ABCD'],
    ];
    for (const [platform, channel] of cases) {
      const r = await cli(['tips', 'subscribe', '--platform', platform, '--channel', channel], env);
      expect(r.code, channel.slice(0, 20)).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`is not a ${platform} channel id`));
      // eslint-disable-next-line no-control-regex -- the point of the check: no control characters survive
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(r.stderr.length).toBeLessThan(400);
    }
    for (const [platform, channel] of [
      ['slack', 'C0123ABCD'],
      ['slack', 'G01ABCDEF'],
      ['slack', 'D0ABCDEFGHI'],
      ['discord', '112233445566778899'],
    ]) {
      const r = await cli(['tips', 'subscribe', '--platform', platform!, '--channel', channel!], env);
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
    const odd = await cli([`x${ESC}[31m`, '--platform', `${ESC}[2J`], env);
    expect(odd.code).toBe(2);
    expect(odd.stderr).not.toContain(ESC);
    const badPlatform = await cli(['tips', 'status', '--platform', `${ESC}[2J`, '--channel', 'C0123ABCD'], env);
    expect(badPlatform.stderr).toContain('\\u001b[2J');
    expect(badPlatform.stderr).not.toContain(ESC);
  }, 60_000);

  it('a read-only SQLite file: `tips subscribe` says so in one line, exit 1, no stack trace', async () => {
    const dir = fresh();
    const store = await openStore({ dataDir: dir, logger: testLogger() });
    await store.close();
    for (const f of ['', 'career-bot.sqlite']) chmodSync(path.join(dir, f), f ? 0o444 : 0o555);
    const r = await cli(
      ['tips', 'subscribe', '--platform', 'slack', '--channel', 'C0123ABCD'],
      { DATA_DIR: dir },
      AS_NOBODY,
    );
    chmodSync(dir, 0o755);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^career-bot: .*SQLite store .*career-bot\.sqlite is read-only/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a PostgreSQL that accepts connections and never answers: `tips status` fails with a clear line, not a hang', async () => {
    const silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const r = await cli(['tips', 'status'], {
        DATA_DIR: fresh(),
        DATABASE_URL: `postgres://bob:hunter2@127.0.0.1:${port}/career`,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `career-bot: could not open the store: DATABASE_URL: PostgreSQL at 127.0.0.1:${port}/career did not answer in time; check the host, port and firewall\n`,
      );
      expect(Date.now() - started).toBeLessThan(PG_TIMEOUTS.connectMs + 5_000);
    } finally {
      silent.close();
    }
  }, 30_000);

  it('SIGTERM to `tips run-due`: the posts under way are finished and marked, the rest left due, exit 0; the next run posts the rest once', async () => {
    const dir = fresh();
    fake = await startFakeApis({ latencyMs: 300 });
    const env = { DATA_DIR: dir, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: fake.slackApiUrl };
    const channels = Array.from({ length: 12 }, (_, i) => `C0AAAAA${String(i).padStart(2, '0')}`);
    const store = await openStore({ dataDir: dir, logger: testLogger() });
    for (const channelId of channels)
      await store.subscribe(
        { platform: 'slack', channelId },
        { day: 'mon', time: '09:00', timeZone: 'UTC' },
        { at: new Date('2025-03-05T10:00:00Z'), by: 'test' },
      );
    await store.close();
    const at = ['tips', 'run-due', '--json', '--at', '2025-03-10T09:00:30Z'];
    const first = await cli(at, env, {
      during: (child) => {
        const poll = setInterval(() => {
          if (fake!.posts.length >= 1) {
            clearInterval(poll);
            child.kill('SIGTERM');
          }
        }, 10);
        child.on('close', () => clearInterval(poll));
      },
    });
    expect(first.signal).toBeNull();
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { due: number; counts: { posted: number; stopped: number } };
    expect(report.due).toBe(12);
    expect(report.counts.posted).toBeGreaterThanOrEqual(1);
    expect(report.counts.stopped).toBeGreaterThanOrEqual(1);
    expect(report.counts.posted + report.counts.stopped).toBe(12);
    const second = JSON.parse((await cli(at, env)).stdout) as { counts: Record<string, number> };
    // Nothing was left claimed-but-unmarked: no "unknown" (a lost week), no "in-flight".
    expect(second.counts.unknown).toBe(0);
    expect(second.counts['in-flight']).toBe(0);
    expect(second.counts.posted).toBe(report.counts.stopped);
    for (const id of channels) expect(fake.delivered.slack.get(id), id).toBe(1);
  }, 60_000);
});
