import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { captureChild, registerSecretsIn } from '../helpers/log-sink.js';
import { startFakeApis, type FakeApis } from './helpers/fake-apis.mjs';

const BIN = fileURLToPath(new URL('../../bin/career-bot.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/tips/run-due.js', import.meta.url));

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  registerSecretsIn(env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
    captureChild(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const SLACK = ['C0AAAAA01', 'C0AAAAA02', 'C0AAAAA03', 'C0AAAAA04', 'C0AAAAA05'];
const DISCORD = ['7001', '7002', '7003', '7004', '7005'];

/** `career-bot tips run-due` as separate OS processes, posting through the real adapters to a local fake. */
describe.each(BACKENDS)('two run-due processes at once on $name', ({ create }) => {
  let database: TestDatabase;
  let fake: FakeApis;
  let env: Record<string, string>;

  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('dist/ is stale or missing: run `npm run build` first (npm test does)');
  });
  beforeEach(async () => {
    database = await create();
    // Every answer takes 1.5 s, so neither process can finish (and move) a channel before the other has read what is due.
    fake = await startFakeApis({ latencyMs: 1_500 });
    env = {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      DATA_DIR: database.dataDir,
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      SLACK_API_URL: fake.slackApiUrl,
      DISCORD_TOKEN: 'discord-test-token-0123456789',
      DISCORD_API_URL: fake.discordApiUrl,
    };
  });
  afterEach(async () => {
    await fake.close();
    await database.drop();
  });

  it('migrates a fresh database from both, then posts every due tip exactly once', async () => {
    const [s1, s2] = await Promise.all([cli(['tips', 'status'], env), cli(['tips', 'status'], env)]);
    expect([s1.code, s2.code, s1.stderr + s2.stderr]).toEqual([0, 0, '']);

    const sub = await cli(
      [
        'tips',
        'subscribe',
        '--platform',
        'slack',
        '--channel',
        'C0AAAAA01',
        '--day',
        'mon',
        '--time',
        '09:00',
        '--tz',
        'Europe/Berlin',
        '--at',
        '2025-03-05T10:00:00Z',
      ],
      env,
    );
    expect(sub.code, sub.stderr).toBe(0);
    // The rest through the store directly: a process start per channel is slow and proves nothing more.
    const store = await database.open();
    for (const [platform, ids] of [
      ['slack', SLACK.slice(1)],
      ['discord', DISCORD],
    ] as const) {
      for (const channelId of ids)
        await store.subscribe(
          { platform, channelId },
          { day: 'mon', time: '09:00', timeZone: 'Europe/Berlin' },
          { at: new Date('2025-03-05T10:00:00Z'), by: 'test' },
        );
    }
    await store.close();
    const at = ['tips', 'run-due', '--json', '--at', '2025-03-10T08:00:30Z'];
    const [a, b] = await Promise.all([cli(at, env), cli(at, env)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const reports = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    // They overlapped: both saw all ten due, and between them posted each once (each left the other's to it).
    expect(reports.map((r) => r.due)).toEqual([10, 10]);
    expect(reports[0].counts.posted + reports[1].counts.posted).toBe(10);
    const leftToOther = (r: { counts: Record<string, number> }) =>
      r.counts['in-flight']! + r.counts['already-handled']!;
    expect(leftToOther(reports[0]) + leftToOther(reports[1])).toBe(10);
    for (const id of SLACK) expect(fake.delivered.slack.get(id), id).toBe(1);
    for (const id of DISCORD) expect(fake.delivered.discord.get(id), id).toBe(1);

    const third = await cli(['tips', 'run-due', '--json', '--at', '2025-03-12T12:00:00Z'], env);
    expect(JSON.parse(third.stdout)).toMatchObject({ due: 0 });
    expect(fake.posts.filter((p) => p.status === 200)).toHaveLength(10);

    const status = JSON.parse(
      (
        await cli(
          ['tips', 'status', '--json', '--platform', 'slack', '--channel', 'C0AAAAA01', '--at', '2025-03-12T12:00:00Z'],
          env,
        )
      ).stdout,
    );
    expect(status).toMatchObject({
      nextPostLocal: 'Mon 17 Mar 2025, 09:00 CET',
      lastDelivery: { slot: '2025-W11', status: 'delivered' },
    });
  }, 60_000);
});
