import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { acksEmpty, EarlyAckReceiver } from '../../src/adapters/slack/early-ack-receiver.js';
import { answerNow, createAnswerTurns } from '../../src/adapters/slack/guard.js';
import { captureEntry, registerSecret } from '../helpers/log-sink.js';
import { FORM, JSON_TYPE, SECRET, signature, startHttpHarness, type Harness } from './harness.js';

registerSecret('xoxb-test');

/** A Bolt logger that keeps its lines (debug ones only in the log scan's sink). */
function recordingLogger(): BoltLogger & { lines: string[] } {
  const lines: string[] = [];
  const scan = (...parts: unknown[]) => captureEntry('bolt logger', parts);
  const keep = (...parts: unknown[]) => {
    scan(...parts);
    lines.push(parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' '));
  };
  return {
    lines,
    debug: scan,
    info: keep,
    warn: keep,
    error: keep,
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

/** A real Bolt App on the receiver, on a free port; no Web API needed (bot ids given, token verification off). */
async function startApp(setUp: (app: App) => void, afterAcks = answerNow) {
  const logger = recordingLogger();
  const receiver = new EarlyAckReceiver({ signingSecret: SECRET, path: '/slack/events', logger, afterAcks });
  const app = new App({
    token: 'xoxb-test',
    botId: 'BBOT',
    botUserId: 'UBOT',
    receiver,
    logger,
    tokenVerificationEnabled: false,
    deferInitialization: true,
  });
  setUp(app);
  await app.init();
  const server = (await app.start(0)) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  const post = async (body: string, contentType: string, headers: Record<string, string> = {}) => {
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(body, ts),
        ...headers,
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  return { app, receiver, logger, url, post, stop: () => app.stop() };
}

/** Registers a /career listener that acks, then notes the command's text in `seen`. */
const recordCommands = (app: App, seen: string[]) =>
  app.command('/career', async ({ ack, command: c }) => {
    await ack();
    seen.push(c.text);
  });

/** A view_submission payload for the view `profile`, form-encoded as Slack sends it. */
const viewSubmission = () =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: 'T1' },
      user: { id: 'U1' },
      api_app_id: 'A1',
      view: { id: 'V1', callback_id: 'profile', state: { values: {} } },
    }),
  }).toString();

const command = (text: string) =>
  new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/career',
    text,
    response_url: 'http://127.0.0.1:9/unused',
  }).toString();

describe('EarlyAckReceiver', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  it('knows which payloads always take an empty acknowledgement', () => {
    expect(acksEmpty({ command: '/career', text: '' })).toBe(true);
    expect(acksEmpty({ type: 'block_actions' })).toBe(true);
    expect(acksEmpty({ type: 'event_callback' })).toBe(true);
    expect(acksEmpty({ type: 'view_submission' })).toBe(false);
    expect(acksEmpty({ type: 'block_suggestion' })).toBe(false);
    expect(acksEmpty({ type: 'shortcut' })).toBe(false);
  });

  it('acknowledges a slash command before Bolt dispatches it, then dispatches it', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const seen: string[] = [];
    const a = await startApp((app) => {
      // A global middleware that has not finished: Bolt's own receiver could not ack until it did.
      app.use(async ({ next }) => {
        await gate;
        await next();
      });
      recordCommands(app, seen);
    });
    cleanups.push(a.stop);
    expect(await a.post(command('ml systems engineer'), FORM)).toEqual({ status: 200, text: '' });
    expect(seen).toEqual([]);
    open();
    await expect.poll(() => seen).toEqual(['ml systems engineer']);
  });

  it('hands acknowledged events to Bolt in arrival order, after the acknowledgements have gone quiet', async () => {
    const seen: string[] = [];
    const a = await startApp((app) => recordCommands(app, seen), createAnswerTurns(500, 5_000));
    cleanups.push(a.stop);
    const statuses = [];
    for (const text of ['one', 'two', 'three']) statuses.push((await a.post(command(text), FORM)).status);
    expect(statuses).toEqual([200, 200, 200]);
    // All three were acknowledged before the first was dispatched: 500 ms of quiet had not passed.
    expect(seen).toEqual([]);
    await expect.poll(() => seen, { timeout: 5_000 }).toEqual(['one', 'two', 'three']);
  });

  it("lets a listener's ack carry a body for payloads that may need one (a view submission)", async () => {
    const a = await startApp((app) => {
      app.view('profile', async ({ ack }) => {
        await ack({ response_action: 'errors', errors: { name: 'Too long' } });
      });
    });
    cleanups.push(a.stop);
    const res = await a.post(viewSubmission(), FORM);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ response_action: 'errors', errors: { name: 'Too long' } });
  });

  it('never dispatches an unsigned ssl_check, whatever else its body carries', async () => {
    const seen: string[] = [];
    const a = await startApp((app) => recordCommands(app, seen));
    cleanups.push(a.stop);
    const smuggled = `ssl_check=1&${command('forged')}`;
    expect((await a.post(smuggled, FORM, { 'x-slack-signature': 'v0=forged' })).status).toBe(200);
    expect(await a.post(command('signed'), FORM)).toEqual({ status: 200, text: '' });
    await expect.poll(() => seen).toEqual(['signed']);
  });

  it("answers a failed dispatch of a payload that was not yet acknowledged with 500 at once, as Bolt's receiver does", async () => {
    const a = await startApp((app) => {
      app.view('profile', async () => {
        throw new Error('view handler broke');
      });
      app.error(async (error) => {
        throw error;
      });
    });
    cleanups.push(a.stop);
    const started = Date.now();
    const res = await a.post(viewSubmission(), FORM);
    expect(res.status).toBe(500);
    // Not the 404 that Bolt's "never acknowledged" timer would send after 3 s.
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('stop() waits for acknowledged requests to get through Bolt', async () => {
    const seen: string[] = [];
    const a = await startApp(
      (app) => {
        app.command('/career', async ({ ack, command: c }) => {
          await ack();
          await new Promise((resolve) => setTimeout(resolve, 50));
          seen.push(c.text);
        });
      },
      createAnswerTurns(100, 1_000),
    );
    expect((await a.post(command('last words'), FORM)).status).toBe(200);
    expect(seen).toEqual([]);
    await a.stop();
    expect(seen).toEqual(['last words']);
  });

  it("passes Slack's retry headers on to Bolt", async () => {
    const retries: unknown[] = [];
    const a = await startApp((app) => {
      app.event('app_mention', async ({ context }) => void retries.push([context.retryNum, context.retryReason]));
    });
    cleanups.push(a.stop);
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev1',
      event: { type: 'app_mention', user: 'U1', text: 'hi', ts: '1.1', channel: 'C1', event_ts: '1.1' },
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    });
    expect(
      (await a.post(body, JSON_TYPE, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).status,
    ).toBe(200);
    await expect.poll(() => retries).toEqual([[2, 'http_timeout']]);
  });

  it('logs an error thrown while Bolt dispatches an acknowledged event, and keeps serving', async () => {
    let calls = 0;
    const a = await startApp((app) => {
      app.command('/career', async ({ ack }) => {
        await ack();
        calls += 1;
      });
    });
    cleanups.push(a.stop);
    // Bolt's default error handler rethrows, so processEvent rejects into the receiver.
    a.app.use(async () => {
      throw new Error('middleware exploded');
    });
    expect((await a.post(command('x'), FORM)).status).toBe(200);
    await expect
      .poll(() =>
        a.logger.lines.some((l) => l.includes('could not process an event') && l.includes('middleware exploded')),
      )
      .toBe(true);
    expect(calls).toBe(0);
    expect((await a.post(command('y'), FORM)).status).toBe(200);
  });

  it('fails to start on a port already taken, with the error', async () => {
    const a = await startApp(() => {});
    cleanups.push(a.stop);
    const second = new EarlyAckReceiver({
      signingSecret: SECRET,
      path: '/slack/events',
      logger: recordingLogger(),
      afterAcks: answerNow,
    });
    await expect(second.start(Number(new URL(a.url).port))).rejects.toThrow(/EADDRINUSE/);
    await second.stop(); // nothing to stop: resolves
  });
});

describe('EarlyAckReceiver in the bot (HTTP mode)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it("answers Slack's url_verification challenge and ssl_check", async () => {
    h = await startHttpHarness();
    const challenge = await h.post(
      JSON.stringify({ type: 'url_verification', token: 'legacy', challenge: 'c-123' }),
      JSON_TYPE,
    );
    expect(challenge.status).toBe(200);
    expect(JSON.parse(challenge.text)).toEqual({ challenge: 'c-123' });
    // Slack's ssl_check carries no signature.
    expect((await h.post('ssl_check=1&token=legacy', FORM, { signature: '' })).status).toBe(200);
  });

  it('refuses forged events 401, wrong path or method 404, a malformed body 400 and an oversized body 413', async () => {
    h = await startHttpHarness();
    const base = `http://127.0.0.1:${h.slack.port}`;
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
    expect((await fetch(`${base}/other`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await h.post('{"type":"event_callback"}', JSON_TYPE, { signature: 'v0=forged' })).status).toBe(401);
    expect((await h.post('{"type":', JSON_TYPE)).status).toBe(400);
    const huge = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(4 * 1024 * 1024) });
    expect((await h.post(huge, JSON_TYPE)).status).toBe(413);
    await h.logs.waitFor((l) => /malformed request body/.test(l.msg));
    await h.logs.waitFor((l) => /body over \d+ bytes refused/.test(l.msg));
  });
});
