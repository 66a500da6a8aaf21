import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './slack/fake-slack.js';
import { SECRET, signature } from './slack/harness.js';
import { freePort } from './helpers/free-port.js';
import { captureChild, registerSecretsIn } from './helpers/log-sink.js';

const BIN = fileURLToPath(new URL('../bin/career-bot.js', import.meta.url));

let fake: FakeSlack | undefined;
afterEach(async () => fake?.close());

describe('career-bot with Slack configured (the real bin)', () => {
  it('migrates the store, serves /career, and stops cleanly on SIGTERM', async () => {
    fake = await startFakeSlack();
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-start-'));
    const env = {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    };
    registerSecretsIn(env);
    const child = spawn(process.execPath, [BIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    captureChild(child);
    let log = '';
    const started = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('career-bot started')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code} before starting:\n${log}`)));
    });
    await started;
    expect(existsSync(path.join(dataDir, 'career-bot.sqlite'))).toBe(true);

    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      user_name: 'ada',
      command: '/career',
      text: 'llm sme challenges',
      response_url: fake.responseUrl('r1'),
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(body, ts),
      },
      body,
    });
    expect(res.status).toBe(200);
    const answer = await fake.waitForResponse('r1');
    expect(JSON.stringify(answer.body)).toContain('Large Language Model SME');

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toContain('"msg":"stopping"');
    expect(log).not.toMatch(/"level":50/);
    // Secrets never reach the log.
    expect(log).not.toContain('xoxb-test');
    expect(log).not.toContain(SECRET);
  });
});
