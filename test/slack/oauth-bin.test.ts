import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { config, SECRET } from './harness.js';
import { dm, ENCRYPTION_KEY, install, oauthEnv, postSigned, STATE_SECRET, teamEvent } from './oauth-harness.js';
import { freePort } from '../helpers/free-port.js';
import { captureChild, captureOutput, registerSecret, testLogger } from '../helpers/log-sink.js';
import { sealedInstallations } from '../../src/adapters/slack/oauth/oauth-mode.js';
import { openStore } from '../../src/store/open-store.js';

const BIN = fileURLToPath(new URL('../../bin/career-bot.js', import.meta.url));

let fake: FakeSlack | undefined;
afterAll(async () => fake?.close());

describe('career-bot in Slack OAuth mode (the real bin)', () => {
  it('installs a workspace, answers it with its token, pauses its tips on uninstall (shown by tips status), and logs no secret', async () => {
    fake = await startFakeSlack();
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-oauth-bin-'));
    const env = {
      PATH: process.env.PATH ?? '',
      ...oauthEnv(fake),
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    };
    const child = spawn(process.execPath, [BIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    captureChild(child);
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('career-bot started')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code} before starting:\n${log}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    expect(
      (await install(fake, base, { team: { id: 'TBIN', name: 'Bin' }, botToken: 'xoxb-bin-5555-secret' })).status,
    ).toBe(200);

    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, 'tips', ...args], { env, encoding: 'utf8' });
      captureOutput('bin', r);
      return r;
    };
    expect(cli('subscribe', '--platform', 'slack', '--channel', 'CBIN0001', '--workspace', 'TBIN').status).toBe(0);

    expect(await postSigned(base, dm('TBIN', 'DBIN'))).toBe(200);
    expect((await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'DBIN')).authorization).toBe(
      'Bearer xoxb-bin-5555-secret',
    );

    expect(await postSigned(base, teamEvent('TBIN', { type: 'app_uninstalled' }))).toBe(200);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no uninstall in the log:\n${log}`)), 5_000);
      const check = () => {
        if (!log.includes('workspace installation removed')) return;
        clearTimeout(timer);
        child.stderr.off('data', check);
        resolve();
      };
      child.stderr.on('data', check);
      check();
    });
    const status = cli('status', '--platform', 'slack', '--channel', 'CBIN0001');
    expect(status.stdout).toContain('slack channel CBIN0001 (workspace TBIN)');
    expect(status.stdout).toContain('Paused (the app was uninstalled from this Slack workspace)');

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const secret of ['xoxb-bin-5555-secret', fake.client.secret, STATE_SECRET, SECRET, ENCRYPTION_KEY])
      expect(log).not.toContain(secret);
  });

  it('refuses to start, and to run due tips, with a TOKEN_ENCRYPTION_KEY that does not open the stored installations', async () => {
    fake ??= await startFakeSlack();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-oauth-key-'));
    const sealedWith = oauthEnv(fake);
    const store = await openStore({ dataDir, logger: testLogger() });
    try {
      await sealedInstallations(config(sealedWith), store).storeInstallation({
        team: { id: 'TKEY', name: 'Key' },
        enterprise: undefined,
        user: { id: 'U1', token: undefined, scopes: undefined },
        bot: { id: 'B1', userId: 'UB1', token: 'xoxb-key-7777-secret', scopes: ['chat:write'] },
        isEnterpriseInstall: false,
        authVersion: 'v2',
      });
    } finally {
      await store.close();
    }
    const otherKey = Buffer.alloc(32, 5).toString('base64');
    registerSecret(otherKey);
    const env = {
      PATH: process.env.PATH ?? '',
      ...sealedWith,
      TOKEN_ENCRYPTION_KEY: otherKey,
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
    };
    for (const args of [[], ['tips', 'run-due']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 20_000 });
      captureOutput('bin', r);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /career-bot: (failed to start: )?TOKEN_ENCRYPTION_KEY does not open the Slack installations/,
      );
      expect(r.stderr).not.toContain(otherKey);
      expect(r.stderr).not.toContain(ENCRYPTION_KEY);
    }
  });
});
