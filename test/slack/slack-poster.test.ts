import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackPoster } from '../../src/adapters/slack/slack-poster.js';
import { SLACK_RETRY } from '../../src/adapters/slack/web-client-options.js';
import { createBot } from '../../src/core/bot.js';
import type { TipPoster } from '../../src/core/tips/tip-poster.js';
import { createLogger } from '../../src/create-logger.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { LogCapture, testContent } from './harness.js';
import { blockKitProblems } from './limits.js';

describe('createSlackPoster (Web API only)', () => {
  let fake: FakeSlack;
  let poster: TipPoster;
  const logs = new LogCapture();
  const tip = createBot({ content: testContent(), clock: () => new Date('2025-01-06T09:00:00Z') }).answer('send me a tip').reply;

  beforeAll(async () => {
    fake = await startFakeSlack();
    poster = createSlackPoster({ token: 'xoxb-poster', apiUrl: fake.apiUrl, logger: createLogger('debug', logs.stream) });
  });
  afterAll(async () => {
    await poster.stop();
    await poster.stop();
    await fake.close();
  });

  it('posts the rendered reply with chat.postMessage and returns its ts', async () => {
    const outcome = await poster.post('C-tips', tip);
    expect(outcome).toEqual({ ok: true, messageId: expect.stringMatching(/^\d+\.\d+$/) });
    const call = fake.callsTo('chat.postMessage').at(-1)!;
    expect(call).toMatchObject({ authorization: 'Bearer xoxb-poster', args: { channel: 'C-tips' } });
    expect(call.args.blocks[0].text.text).toMatch(/^Skill tip: /);
    expect(blockKitProblems(call.args)).toEqual([]);
    expect(fake.callsTo('auth.test')).toEqual([]);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('reports %s as permanent (pause the subscription)', async (error) => {
    fake.failNext('chat.postMessage', { body: { ok: false, error } });
    expect(await poster.post('C-x', tip)).toEqual({ ok: false, permanent: true, reason: error });
  });

  it.each(['invalid_auth', 'account_inactive', 'missing_scope', 'msg_blocks_too_long'])('reports %s as not permanent, logged as an error', async (error) => {
    fake.failNext('chat.postMessage', { body: { ok: false, error } });
    expect(await poster.post('C-y', tip)).toEqual({ ok: false, permanent: false, reason: error });
    await logs.waitFor((l) => l.level === 50 && l.code === error && l.channel === 'C-y');
  });

  it('retries a 429 and a 503 through the WebClient, then posts', async () => {
    fake.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '0' } }, { status: 503 });
    expect(await poster.post('C-retry', tip)).toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C-retry').map((c) => c.status)).toEqual([429, 503, 200]);
  });

  it('reports an unreachable API as a non-permanent failure, after the retries, without throwing', async () => {
    const offlineLogs = new LogCapture();
    const offline = createSlackPoster({ token: 'xoxb-poster', apiUrl: `http://127.0.0.1:${await closedPort()}/api/`, logger: createLogger('debug', offlineLogs.stream) });
    expect(await offline.post('C-offline', tip)).toEqual({ ok: false, permanent: false, reason: 'network' });
    // The WebClient's own retry policy ran (each refused attempt is a warning), then the poster logged once.
    await offlineLogs.waitFor((l) => l.level === 50);
    expect(offlineLogs.lines.filter((l) => l.level === 40 && /request failed/.test(l.msg))).toHaveLength(1 + SLACK_RETRY.retries!);
    const errors = offlineLogs.lines.filter((l) => l.level === 50);
    expect(errors).toEqual([expect.objectContaining({ channel: 'C-offline', code: 'network', permanent: false, msg: 'slack: posting a tip failed; will retry next run' })]);
    await offline.stop();
    expect(await offline.post('C-offline', tip)).toEqual({ ok: false, permanent: false, reason: 'poster stopped' });
  });
});

/** A port nothing listens on: bound once to get a free number, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  return port;
}
