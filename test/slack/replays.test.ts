import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { testLogger } from '../helpers/log-sink.js';
import { startFakeSlack } from './fake-slack.js';
import { buttonPress, findButton, FORM, JSON_TYPE, nextTriggerId, slashCommand, startHttpHarness } from './harness.js';

/** Lets whatever a request started run out, then a little more, so a second answer would have shown. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('Slack HTTP: replays refused, small holes closed (issue 12)', () => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });
  const start = async (o: Parameters<typeof startHttpHarness>[0] = {}) => {
    const h = await startHttpHarness(o);
    cleanups.push(() => h.stop());
    return h;
  };

  it('answers a signed /career sent 10 times once; every copy is acknowledged', async () => {
    const h = await start();
    const body = slashCommand(h.fake, { text: 'ml systems engineer skills', responseId: 'r-replayed' });
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 10; i += 1) expect(await h.post(body, FORM, { timestamp })).toEqual({ status: 200, text: '' });
    await h.fake.waitForResponse('r-replayed');
    await settle();
    expect(h.fake.responses.filter((r) => r.id === 'r-replayed')).toHaveLength(1);
    await h.logs.waitFor((l) => /replayed/.test(l.msg));
  });

  it('acts once on a trigger_id, even re-signed with a new timestamp', async () => {
    const h = await start();
    const body = slashCommand(h.fake, { text: 'ml systems engineer skills', responseId: 'r-trigger' });
    const now = Math.floor(Date.now() / 1000);
    expect((await h.post(body, FORM, { timestamp: now })).status).toBe(200);
    expect((await h.post(body, FORM, { timestamp: now - 1 })).status).toBe(200);
    await h.fake.waitForResponse('r-trigger');
    await settle();
    expect(h.fake.responses.filter((r) => r.id === 'r-trigger')).toHaveLength(1);
  });

  it('posts a replayed "Share in channel" once', async () => {
    const h = await start();
    expect(
      (await h.post(slashCommand(h.fake, { text: 'ml systems engineer skills', responseId: 'r-share-src' }), FORM))
        .status,
    ).toBe(200);
    const answer = (await h.fake.waitForResponse('r-share-src')).body;
    const press = buttonPress(h.fake, { button: findButton(answer.blocks, 'Share in channel'), responseId: 'r-share' });
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 3; i += 1) expect((await h.post(press, FORM, { timestamp })).status).toBe(200);
    await h.fake.waitForResponse('r-share', (r) => r.body.response_type === 'in_channel');
    await settle();
    expect(h.fake.responses.filter((r) => r.id === 'r-share' && r.body.response_type === 'in_channel')).toHaveLength(1);
  });

  it('refuses a timestamp more than five minutes in the future, like a stale one', async () => {
    const h = await start();
    const body = slashCommand(h.fake, { text: 'ml systems engineer skills', responseId: 'r-future' });
    const now = Math.floor(Date.now() / 1000);
    expect((await h.post(body, FORM, { timestamp: now + 10 * 365 * 86_400 })).status).toBe(401);
    expect((await h.post(body, FORM, { timestamp: now + 6 * 60 })).status).toBe(401);
    expect((await h.post(body, FORM, { timestamp: now - 6 * 60 })).status).toBe(401);
    await h.logs.waitFor((l) => /in the future/.test(l.msg ?? ''));
    expect(h.fake.responses.filter((r) => r.id === 'r-future')).toHaveLength(0);
  });

  it('acts once across two replicas sharing the store', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'replays-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const store = await openStore({ dataDir: dir, logger: testLogger() });
    cleanups.push(() => store.close());
    const sharedEvents = {
      claim: (id: string, at: Date) => store.claimEvent(id, 'test', at),
      sweep: (before: Date) => store.sweepEventClaims(before),
    };
    const fake = await startFakeSlack();
    const a = await start({ fake, sharedEvents });
    const b = await start({ fake, sharedEvents });
    const body = slashCommand(fake, { text: 'ml systems engineer skills', responseId: 'r-replicas' });
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await a.post(body, FORM, { timestamp })).status).toBe(200);
    expect((await b.post(body, FORM, { timestamp })).status).toBe(200);
    await fake.waitForResponse('r-replicas');
    await settle();
    expect(fake.responses.filter((r) => r.id === 'r-replicas')).toHaveLength(1);
  });

  it('answers payload=null (and other non-objects) 400, not 500', async () => {
    const h = await start();
    for (const payload of ['null', '[]', '"x"', '7'])
      expect((await h.post(new URLSearchParams({ payload }).toString(), FORM)).status).toBe(400);
    expect((await h.post('null', JSON_TYPE)).status).toBe(400);
  });

  it('answers a command without response_url through chat.postEphemeral', async () => {
    const h = await start();
    const body = new URLSearchParams(
      slashCommand(h.fake, { text: 'ml systems engineer skills', responseId: 'unused', channel: 'C9', user: 'U9' }),
    );
    body.delete('response_url');
    body.set('trigger_id', nextTriggerId());
    expect(await h.post(body.toString(), FORM)).toEqual({ status: 200, text: '' });
    const call = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === 'C9');
    expect(call.args.user).toBe('U9');
    expect(JSON.stringify(call.args.blocks)).toContain('ML Systems Engineer');
  });
});
