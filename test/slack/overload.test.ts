import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { App, type Logger as BoltLogger } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { Backlog } from '../../src/adapters/slack/backlog.js';
import { toBoltLogger } from '../../src/adapters/slack/bolt-logger.js';
import { BUSY } from '../../src/adapters/slack/copy.js';
import { EarlyAckReceiver } from '../../src/adapters/slack/early-ack-receiver.js';
import { answerNow } from '../../src/adapters/slack/guard.js';
import { registerSecret, testLogger } from '../helpers/log-sink.js';
import { FORM, JSON_TYPE, nextTriggerId, signature } from './harness.js';

// What Bolt and the receiver log goes to the log scan only, through the bot's own Bolt bridge.
const boltLogger: BoltLogger = toBoltLogger(testLogger());
const SIGNING_SECRET = 'overloadsecret';
registerSecret(SIGNING_SECRET);
registerSecret('xoxb-test');

/** A response_url sink: every busy note or answer posted to it. */
async function startSink() {
  const posts: Record<string, any>[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += String(c)));
    req.on('end', () => {
      posts.push(JSON.parse(raw) as Record<string, any>);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    posts,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/r`,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** The real receiver and a real Bolt App whose /career listener waits at `gate` until the test opens it. */
async function startGated(backlog: Backlog) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const answered: string[] = [];
  const receiver = new EarlyAckReceiver({
    signingSecret: SIGNING_SECRET,
    path: '/slack/events',
    logger: boltLogger,
    afterAcks: answerNow,
    backlog,
  });
  const app = new App({
    token: 'xoxb-test',
    botId: 'BBOT',
    botUserId: 'UBOT',
    receiver,
    logger: boltLogger,
    tokenVerificationEnabled: false,
    deferInitialization: true,
  });
  app.command('/career', async ({ ack, command }) => {
    await ack();
    await gate;
    answered.push(command.text);
  });
  app.action('b', async ({ ack }) => {
    await ack();
    await gate;
    answered.push('button');
  });
  await app.init();
  const server = (await app.start(0)) as Server;
  const port = (server.address() as AddressInfo).port;
  const post = async (body: string, contentType = FORM) => {
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(body, ts, SIGNING_SECRET),
      },
      body,
    });
    return { status: res.status, text: await res.text(), connection: res.headers.get('connection') };
  };
  return { app, server, port, post, open, answered, stop: () => app.stop() };
}

const command = (text: string) =>
  new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/career',
    text,
    response_url: 'http://127.0.0.1:9/unused',
    trigger_id: nextTriggerId(),
  }).toString();
const press = (responseUrl: string) =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U1' },
      api_app_id: 'A1',
      trigger_id: nextTriggerId(),
      response_url: responseUrl,
      container: { type: 'message' },
      actions: [{ type: 'button', action_id: 'b', block_id: 'x', value: 'v', action_ts: '1' }],
    }),
  }).toString();
const busyAck = JSON.stringify({ response_type: 'ephemeral', text: BUSY });

describe('Slack HTTP: overload is shed, stops drain, slow clients are cut (issue 12)', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  it('tells /career busy in its ack, at once, above the bound on requests acknowledged and not answered', async () => {
    const a = await startGated(new Backlog({ maxRequests: 3, maxBytes: 1 << 20 }));
    cleanups.push(a.stop);
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(await a.post(command(`q${i}`)));
    expect(results.map((r) => r.text)).toEqual(['', '', '', busyAck, busyAck]);
    a.open();
    await expect.poll(() => a.answered.length).toBe(3);
    // Room again once the backlog is answered.
    expect((await a.post(command('after'))).text).toBe('');
    await expect.poll(() => a.answered).toContain('after');
  });

  it('bounds the backlog by memory too: large requests are told busy before the count is reached', async () => {
    const a = await startGated(new Backlog({ maxRequests: 100, maxBytes: 3_000 }));
    cleanups.push(a.stop);
    const big = 'x'.repeat(1_200);
    const texts = [];
    for (let i = 0; i < 4; i += 1) texts.push((await a.post(command(big + i))).text);
    expect(texts).toEqual(['', '', busyAck, busyAck]);
    a.open();
    await expect.poll(() => a.answered.length).toBe(2);
  });

  it('tells /career busy once the oldest unanswered request has waited too long, whatever the count', async () => {
    const a = await startGated(new Backlog({ maxRequests: 100, maxBytes: 1 << 20, maxAgeMs: 150 }));
    cleanups.push(a.stop);
    expect((await a.post(command('first'))).text).toBe('');
    expect((await a.post(command('soon after'))).text).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await a.post(command('too late'))).text).toBe(busyAck);
    a.open();
    await expect.poll(() => a.answered.length).toBe(2);
    expect((await a.post(command('room again'))).text).toBe('');
  });

  it('tells a button press busy through its response_url, and answers an event 503 so Slack retries it', async () => {
    const sink = await startSink();
    cleanups.push(sink.close);
    const a = await startGated(new Backlog({ maxRequests: 1, maxBytes: 1 << 20 }));
    cleanups.push(a.stop);
    expect((await a.post(command('fills it'))).text).toBe('');
    expect((await a.post(press(sink.url))).status).toBe(200);
    await expect.poll(() => sink.posts).toEqual([{ response_type: 'ephemeral', replace_original: false, text: BUSY }]);
    const event = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev1',
      event: { type: 'app_mention', text: 'hi', user: 'U1', channel: 'C1', ts: '1.1' },
    });
    expect((await a.post(event, JSON_TYPE)).status).toBe(503);
    a.open();
  });

  it('on stop, answers the backlog before resolving, and tells what still arrives busy with Connection: close', async () => {
    const a = await startGated(new Backlog({ maxRequests: 10, maxBytes: 1 << 20 }));
    for (let i = 0; i < 5; i += 1) expect((await a.post(command(`q${i}`))).text).toBe('');
    // A kept-alive connection open before the stop, used after it.
    const late = connect({ host: '127.0.0.1', port: a.port });
    await new Promise((resolve) => late.once('connect', resolve));
    let stopped = false;
    const stopping = a.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const body = command('late');
    const ts = Math.floor(Date.now() / 1000);
    late.write(
      `POST /slack/events HTTP/1.1\r\nhost: x\r\ncontent-type: ${FORM}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nx-slack-request-timestamp: ${ts}\r\nx-slack-signature: ${signature(body, ts, SIGNING_SECRET)}\r\n\r\n${body}`,
    );
    let reply = '';
    late.on('data', (c: Buffer) => (reply += String(c)));
    await new Promise((resolve) => late.once('close', resolve));
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(reply.toLowerCase()).toContain('connection: close');
    expect(reply).toContain(BUSY);
    expect(stopped).toBe(false);
    a.open();
    await stopping;
    expect(a.answered).toEqual(['q0', 'q1', 'q2', 'q3', 'q4']);
  });

  it('closes a connection that sends its headers too slowly within seconds, and caps open connections', async () => {
    const a = await startGated(new Backlog());
    cleanups.push(a.stop);
    expect(a.server.maxConnections).toBeGreaterThan(0);
    expect(a.server.maxConnections).toBeLessThan(1024);
    const slow = connect({ host: '127.0.0.1', port: a.port });
    slow.on('error', () => {}); // the server hangs up mid-drip: EPIPE on the next write is the point
    await new Promise((resolve) => slow.once('connect', resolve));
    const started = Date.now();
    slow.write('POST /slack/events HTTP/1.1\r\nhost: x\r\n');
    const drip = setInterval(() => slow.write('x-drip: 1\r\n'), 500);
    await new Promise((resolve) => slow.once('close', resolve));
    clearInterval(drip);
    // Node's defaults held it for 60 s (headers) checked every 30 s.
    expect(Date.now() - started).toBeLessThan(9_000);
    a.open();
  }, 15_000);
});
