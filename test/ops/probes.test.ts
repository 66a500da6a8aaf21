import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.mjs';
import { directMessage } from '../discord/payloads.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.js';
import { BUSY } from '../../src/adapters/slack/copy.js';
import { eventCallback, SECRET, signature } from '../slack/harness.js';
import { startBot, type BotProcess } from './bot-process.js';

const DISCORD_TOKEN = 'fake-token-0123456789abcdef';

let fakeSlack: FakeSlack | undefined;
let fakeDiscord: FakeDiscord | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fakeSlack?.close();
  await fakeDiscord?.close();
  bot = fakeSlack = fakeDiscord = undefined;
});

function postCommand(port: number, fake: FakeSlack, id: string): Promise<Response> {
  const body = new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    user_name: 'ada',
    command: '/career',
    text: 'llm sme skills',
    response_url: fake.responseUrl(id),
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature(body, ts),
    },
    body,
  });
}

const readyBody = (r: { body: string }) => JSON.parse(r.body) as { status: string; notReady?: string[] };

describe('probes and metrics (the real bin)', () => {
  it('Slack HTTP mode: on the same port as /slack/events; answers counted by platform and intent', async () => {
    fakeSlack = await startFakeSlack();
    bot = await startBot({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fakeSlack.apiUrl,
    });
    await bot.waitForLog('career-bot started');
    expect(await bot.probe('/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
    expect(await bot.probe('/readyz')).toEqual({ status: 200, body: '{"status":"ready"}' });
    expect((await postCommand(bot.port, fakeSlack, 'r1')).status).toBe(200);
    await fakeSlack.waitForResponse('r1');
    const metrics = await fetch(`http://127.0.0.1:${bot.port}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toMatch(/^career_bot_answers_total\{platform="slack",intent="role"\} 1$/m);
    expect(text).toMatch(/^career_bot_answer_duration_seconds_count\{platform="slack"\} 1$/m);
    expect(text).toMatch(/^# TYPE career_bot_tip_posts_total counter$/m);
    expect(text).toMatch(/^career_bot_ready\{check="slack"\} 1$/m);
    expect(text).toMatch(/^career_bot_ready\{check="store"\} 1$/m);
    expect(text).toMatch(/^career_bot_store_query_duration_seconds_count\{backend="sqlite"\} [1-9]\d*$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    // A DM answered through chat.postMessage after one 429: the rate limit is counted.
    fakeSlack.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '0' } });
    const dm = eventCallback({
      type: 'message',
      channel: 'D1',
      channel_type: 'im',
      user: 'U1',
      text: 'llm sme skills',
      ts: '1700000300.000100',
    });
    const ts = Math.floor(Date.now() / 1000);
    await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(dm, ts),
      },
      body: dm,
    });
    await fakeSlack.waitFor('the DM answered', () =>
      fakeSlack!.callsTo('chat.postMessage').find((c) => c.status === 200),
    );
    const afterDm = await bot.probe('/metrics');
    expect(afterDm.body).toMatch(/^career_bot_rate_limited_total\{platform="slack"\} 1$/m);
    expect(afterDm.body).toMatch(/^career_bot_answers_total\{platform="slack",intent="role"\} 2$/m);
    // No user, channel or question text in any label.
    expect(afterDm.body).not.toMatch(/U1|C1|D1|llm sme/);
    // Slack's own path still refuses what is not a signed POST.
    expect((await bot.probe('/slack/events')).status).toBe(404);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('Socket Mode: its own small server on PORT, ready once the socket is open', async () => {
    fakeSlack = await startFakeSlack();
    bot = await startBot({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: fakeSlack.apiUrl,
    });
    await bot.waitForLog('career-bot started');
    expect((await bot.probe('/healthz')).status).toBe(200);
    expect(readyBody(await bot.probe('/readyz'))).toEqual({ status: 'ready' });
    expect((await bot.probe('/metrics')).body).toMatch(/^career_bot_ready\{check="slack"\} 1$/m);
    expect((await bot.probe('/slack/events')).status).toBe(404);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('Discord only, while the gateway is still connecting: live, not ready; then ready', async () => {
    fakeDiscord = await startFakeDiscord();
    const release = fakeDiscord.holdReady();
    bot = await startBot({ DISCORD_TOKEN, DISCORD_API_URL: fakeDiscord.apiUrl });
    await bot.probeUntil('/healthz', (r) => r.status === 200);
    await fakeDiscord.nextGatewayOp(2); // identified, READY held back
    const connecting = await bot.probe('/readyz');
    expect(connecting.status).toBe(503);
    expect(readyBody(connecting).notReady).toEqual(['discord']);
    expect((await bot.probe('/metrics')).body).toMatch(/^career_bot_ready\{check="discord"\} 0$/m);
    release();
    await bot.probeUntil('/readyz', (r) => r.status === 200);
    expect((await bot.probe('/metrics')).body).toMatch(/^career_bot_ready\{check="discord"\} 1$/m);
    // A DM answered after one 429: the answer and the rate limit are both counted.
    fakeDiscord.failNext(
      'POST',
      /^\/channels\/\d+\/messages$/,
      429,
      { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      {
        'retry-after': '1',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + 0.2),
        'x-ratelimit-reset-after': '0.2',
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
    );
    const answered = fakeDiscord.nextRequest(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status === 200,
    );
    fakeDiscord.dispatch('MESSAGE_CREATE', directMessage('llm sme skills'));
    await answered;
    const metrics = (await bot.probe('/metrics')).body;
    expect(metrics).toMatch(/^career_bot_rate_limited_total\{platform="discord"\} 1$/m);
    expect(metrics).toMatch(/^career_bot_answers_total\{platform="discord",intent="role"\} 1$/m);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('SIGTERM during start-up: not ready from that moment, then a clean stop with exit 0', async () => {
    fakeDiscord = await startFakeDiscord();
    fakeDiscord.holdReady(); // never released: start-up cannot finish
    bot = await startBot({ DISCORD_TOKEN, DISCORD_API_URL: fakeDiscord.apiUrl });
    await bot.probeUntil('/healthz', (r) => r.status === 200);
    await fakeDiscord.nextGatewayOp(2);
    bot.child.kill('SIGTERM');
    const stopping = await bot.probeUntil(
      '/readyz',
      (r) => r.status === 503 && readyBody(r).notReady?.[0] === 'stopping',
    );
    expect(readyBody(stopping).notReady).toContain('stopping');
    expect((await bot.probe('/healthz')).status).toBe(200);
    expect(await bot.exited).toBe(0);
    expect(bot.log()).toContain('"duringStartUp":true');
    expect(bot.log()).not.toMatch(/"level":50/);
  });

  it('SIGTERM during a burst of /career: exit 0, every acknowledged command answered once', async () => {
    fakeSlack = await startFakeSlack();
    bot = await startBot({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fakeSlack.apiUrl,
    });
    await bot.waitForLog('career-bot started');
    const running = bot;
    const fake = fakeSlack;
    let signalled = false;
    const results = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        try {
          const res = await postCommand(running.port, fake, `burst-${i}`);
          if (res.status === 200 && !signalled) {
            signalled = true;
            running.child.kill('SIGTERM');
          }
          // Once the stop has begun, a late command is told "busy" in its ack: answered there, not later.
          const ackText = await res.text();
          return { id: `burst-${i}`, acked: res.status === 200 && !ackText.includes(BUSY) };
        } catch {
          return { id: `burst-${i}`, acked: false }; // refused after the stop began: never acknowledged
        }
      }),
    );
    expect(signalled).toBe(true);
    expect(await running.exited).toBe(0);
    const acked = results.filter((r) => r.acked).map((r) => r.id);
    expect(acked.length).toBeGreaterThan(0);
    const answered = fake.responses.map((r) => r.id);
    for (const id of acked) expect(answered.filter((a) => a === id)).toHaveLength(1);
    expect(new Set(answered).size).toBe(answered.length);
  });
});
