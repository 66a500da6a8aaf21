import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackPoster } from '../../src/adapters/slack/slack-poster.js';
import { createBot } from '../../src/core/bot.js';
import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import type { TipPoster } from '../../src/core/tips/tip-poster.js';
import { createLogger } from '../../src/create-logger.js';
import { registerSecret, testLogger } from '../helpers/log-sink.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { LogCapture, testContent } from './harness.js';
import { blockKitProblems } from './limits.js';

registerSecret('xoxb-poster');

describe('createSlackPoster (Web API only)', () => {
  let fake: FakeSlack;
  let poster: TipPoster;
  const logs = new LogCapture();
  const tip = createBot({
    surface: slackSurface,
    content: testContent(),
    clock: () => new Date('2025-01-06T09:00:00Z'),
  }).answer('send me a tip').reply;

  beforeAll(async () => {
    fake = await startFakeSlack();
    poster = createSlackPoster({
      token: 'xoxb-poster',
      apiUrl: fake.apiUrl,
      logger: createLogger('debug', logs.stream),
    });
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

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])(
    'reports %s as permanent (pause the subscription)',
    async (error) => {
      fake.failNext('chat.postMessage', { body: { ok: false, error } });
      expect(await poster.post('C-x', tip)).toEqual({ ok: false, permanent: true, reason: error });
    },
  );

  it.each([
    'invalid_auth',
    'account_inactive',
    'token_revoked',
    'not_authed',
    'missing_scope',
    'not_allowed_token_type',
  ])('reports %s as a refused token (stop posting to Slack this run), logged as a warning', async (error) => {
    fake.failNext('chat.postMessage', { body: { ok: false, error } });
    expect(await poster.post('C-y', tip)).toEqual({ ok: false, permanent: false, reason: error, tokenRefused: true });
    await logs.waitFor((l) => l.level === 40 && l.reason === error && l.channel === 'C-y' && l.tokenRefused === true);
  });

  it.each(['msg_blocks_too_long', 'restricted_action'])(
    'reports %s as not posted and not permanent (retried later)',
    async (error) => {
      fake.failNext('chat.postMessage', { body: { ok: false, error } });
      expect(await poster.post('C-y', tip)).toEqual({ ok: false, permanent: false, reason: error });
      await logs.waitFor((l) => l.level === 40 && l.reason === error && l.channel === 'C-y');
    },
  );

  it.each(['internal_error', 'fatal_error'])(
    'reports %s as an unknown outcome: Slack says part of it may have succeeded',
    async (error) => {
      fake.failNext('chat.postMessage', { body: { ok: false, error } });
      expect(await poster.post('C-z', tip)).toEqual({ ok: false, permanent: false, unknown: true, reason: error });
    },
  );

  it('OAuth mode: a workspace with no installation pauses (permanent); an installation it cannot read is retried', async () => {
    const perWorkspace = (lookup: () => Promise<string | undefined>) =>
      createSlackPoster({ token: lookup, apiUrl: fake.apiUrl, logger: createLogger('debug', logs.stream) });
    const calls = fake.callsTo('chat.postMessage').length;
    const none = perWorkspace(async () => undefined);
    expect(await none.post('C0NOINST1', tip, { workspace: 'TNONE' })).toMatchObject({
      ok: false,
      permanent: true,
      reason: expect.stringContaining('not installed in Slack workspace TNONE'),
    });
    const unreadable = perWorkspace(() => Promise.reject(new Error('the store is unreachable')));
    const outcome = await unreadable.post('C0NOINST2', tip, { workspace: 'TDOWN' });
    expect(outcome).toMatchObject({ ok: false, permanent: false });
    expect(outcome).not.toHaveProperty('unknown');
    expect(outcome.ok ? '' : outcome.reason).toContain('installation could not be read: the store is unreachable');
    expect(fake.callsTo('chat.postMessage').length).toBe(calls);
    await Promise.all([none.stop(), unreadable.stop()]);
  });

  it('waits out a 429 (Retry-After) itself and re-sends: a 429 posted nothing', async () => {
    fake.failNext(
      'chat.postMessage',
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 429, headers: { 'retry-after': '0' } },
    );
    expect(await poster.post('C-retry', tip)).toMatchObject({ ok: true });
    expect(
      fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'C-retry')
        .map((c) => c.status),
    ).toEqual([429, 429, 200]);
  });

  it('gives up on a 429 after a bounded number of re-sends: not posted, retried later', async () => {
    fake.failNext(
      'chat.postMessage',
      ...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'retry-after': '0' } })),
    );
    expect(await poster.post('C-429', tip)).toEqual({ ok: false, permanent: false, reason: 'ratelimited' });
    expect(
      fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'C-429')
        .map((c) => c.status),
    ).toEqual([429, 429, 429, 429]);
  });

  it('never re-sends after a 5xx: the message may have been stored, so the outcome is unknown', async () => {
    fake.failNext('chat.postMessage', { status: 503 });
    expect(await poster.post('C-503', tip)).toEqual({ ok: false, permanent: false, unknown: true, reason: 'http_503' });
    expect(
      fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'C-503')
        .map((c) => c.status),
    ).toEqual([503]);
  });

  it('never re-sends after a timeout: the outcome is unknown, and the post returns within its budget', async () => {
    const hung = createHttpServer(() => undefined); // reads the request, never answers
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    let requests = 0;
    hung.on('request', () => (requests += 1));
    try {
      const slow = createSlackPoster({
        token: 'xoxb-poster',
        apiUrl: `http://127.0.0.1:${(hung.address() as AddressInfo).port}/api/`,
        logger: testLogger(),
        timeoutMs: 200,
      });
      const started = performance.now();
      expect(await slow.post('C-slow', tip)).toEqual({
        ok: false,
        permanent: false,
        unknown: true,
        reason: 'network: timed out',
      });
      expect(performance.now() - started).toBeLessThan(400);
      expect(requests).toBe(1);
    } finally {
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  it('reports an unreachable API (connection refused: nothing sent) as not posted, once, without throwing', async () => {
    const offlineLogs = new LogCapture();
    const offline = createSlackPoster({
      token: 'xoxb-poster',
      apiUrl: `http://127.0.0.1:${await closedPort()}/api/`,
      logger: createLogger('debug', offlineLogs.stream),
    });
    expect(await offline.post('C-offline', tip)).toEqual({
      ok: false,
      permanent: false,
      reason: 'network: ECONNREFUSED',
    });
    await offlineLogs.waitFor((l) => l.level === 40 && l.msg === 'slack: posting a tip failed');
    // One attempt (the WebClient's own warning), no retries; nothing at error level: the runner decides what it means.
    expect(offlineLogs.lines.filter((l) => l.level === 40 && /request failed/.test(l.msg))).toHaveLength(1);
    expect(offlineLogs.lines.filter((l) => l.level === 50)).toEqual([]);
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
