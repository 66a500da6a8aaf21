import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { envelope, question } from '../helpers/messages.js';
import { measureBot } from '../../src/ops/measured-bot.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { opsRoutes } from '../../src/ops/ops-routes.js';
import { createReadiness } from '../../src/ops/readiness.js';
import { recordTipsRun } from '../../src/ops/tip-metrics.js';
import type { RunReport } from '../../src/tips/run-due.js';
import { testContent } from '../slack/harness.js';

let server: Server | undefined;
afterEach(() => void server?.close());

async function serve(routes: ReturnType<typeof opsRoutes>): Promise<string> {
  server = createServer((req, res) => {
    if (!routes(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('readiness', () => {
  it('names every failing check: false, thrown, or slower than the timeout', async () => {
    const readiness = createReadiness({ timeoutMs: 50 });
    readiness.add({ name: 'up', ready: () => true });
    readiness.add({ name: 'down', ready: () => false });
    readiness.add({ name: 'broken', ready: () => Promise.reject(new Error('db gone')) });
    readiness.add({ name: 'hung', ready: () => new Promise<boolean>(() => undefined) });
    expect(await readiness.report()).toEqual({
      ready: false,
      notReady: ['down', 'broken', 'hung'],
      checks: { up: true, down: false, broken: false, hung: false },
    });
  });

  it('is not ready from the moment a stop begins, whatever the checks say', async () => {
    const readiness = createReadiness();
    readiness.add({ name: 'up', ready: () => true });
    expect((await readiness.report()).ready).toBe(true);
    readiness.markStopping();
    expect(await readiness.report()).toMatchObject({ ready: false, notReady: ['stopping'] });
  });
});

describe('ops routes', () => {
  it('answer GET and HEAD on the three paths and leave everything else to the server', async () => {
    const readiness = createReadiness();
    let up = false;
    readiness.add({ name: 'slack', ready: () => up });
    const base = await serve(opsRoutes({ readiness, metrics: createMetrics({ defaults: false }) }));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect([notReady.status, await notReady.json()]).toEqual([503, { status: 'not ready', notReady: ['slack'] }]);
    up = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`, { method: 'HEAD' })).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^career_bot_ready\{check="slack"\} 1$/m);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(418);
    expect((await fetch(`${base}/slack/events`)).status).toBe(418);
    expect((await fetch(`${base}/healthz/extra`)).status).toBe(418);
  });
});

describe('metrics', () => {
  it('tip posts by the contract outcomes; every run outcome by its own name', async () => {
    const metrics = createMetrics({ defaults: false });
    const channel = (platform: 'slack' | 'discord', outcome: RunReport['channels'][number]['outcome']) => ({
      platform,
      channelId: 'C',
      slot: 's',
      outcome,
    });
    recordTipsRun(metrics, {
      at: '2026-11-30T09:00:00.000Z',
      due: 5,
      counts: {} as RunReport['counts'],
      channels: [
        channel('slack', 'posted'),
        channel('slack', 'posted'),
        channel('discord', 'gave-up'),
        channel('discord', 'skipped'),
        channel('slack', 'already-handled'),
      ],
    });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^career_bot_tip_posts_total\{platform="slack",outcome="posted"\} 2$/m);
    expect(text).toMatch(/^career_bot_tip_posts_total\{platform="discord",outcome="failed"\} 1$/m);
    expect(text).toMatch(/^career_bot_tip_posts_total\{platform="discord",outcome="skipped"\} 1$/m);
    expect(text).not.toMatch(/^career_bot_tip_posts_total\{[^}]*outcome="already-handled"/m);
    expect(text).toMatch(/^career_bot_tips_run_channels_total\{outcome="already-handled"\} 1$/m);
    expect(text).toMatch(/^career_bot_tips_due_total 5$/m);
  });

  it('the measured bot counts answers by platform and intent and says when none is in flight', async () => {
    const metrics = createMetrics({ defaults: false });
    const measured = measureBot(createBot({ content: testContent(), surface: discordSurface }), metrics);
    const message = question(envelope('discord', { channel: 'C1', user: { id: 'U1' } }), 'command', 'llm sme skills');
    const answering = measured.bot.handle(message);
    expect(measured.inFlight).toBe(1);
    const drained = measured.drained(1_000);
    await answering;
    expect(await drained).toBe(true);
    expect(measured.inFlight).toBe(0);
    expect(await metrics.registry.metrics()).toMatch(
      /^career_bot_answers_total\{platform="discord",intent="role"\} 1$/m,
    );
  });
});
