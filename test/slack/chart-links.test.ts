import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHarness, slashCommand, eventCallback, FORM, JSON_TYPE, type Harness } from './harness.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PUBLIC_URL = 'https://bot.example.com/base';
let h: Harness;

beforeAll(async () => {
  h = await startHttpHarness({ env: { PUBLIC_URL, FEEDBACK_SECRET: 'chart-link-secret-0123456789' } });
});
afterAll(async () => h?.stop());

/** The bot's own server, as Slack would fetch an image from it (PUBLIC_URL points there). */
const local = (url: string) => url.replace(PUBLIC_URL, `http://127.0.0.1:${h.slack.port}`);

describe('pay charts as Slack image blocks served by the bot (PUBLIC_URL set)', () => {
  it('a pay answer carries an image block whose URL serves the PNG with cache headers, and nothing is uploaded', async () => {
    await h.post(
      slashCommand(h.fake, { text: 'senior ml systems engineer salary in seattle', responseId: 'r-img1' }),
      FORM,
    );
    const body = (await h.fake.waitForResponse('r-img1')).body;
    const image = body.blocks.find((b: { type: string }) => b.type === 'image');
    expect(image.image_url).toMatch(
      /^https:\/\/bot\.example\.com\/base\/charts\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}\.png$/,
    );
    expect(image.alt_text).toContain('Seattle, WA $150,000 – $174,000 (asked)');
    const res = await fetch(local(image.image_url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 8)
        .equals(PNG_SIGNATURE),
    ).toBe(true);

    await h.post(
      eventCallback({
        type: 'message',
        channel: 'D4',
        channel_type: 'im',
        user: 'U1',
        text: 'ml systems engineer salary',
        ts: '1700000300.000100',
      }),
      JSON_TYPE,
    );
    const dm = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D4');
    expect(dm.args.blocks.some((b: { type: string }) => b.type === 'image')).toBe(true);
    expect(h.fake.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('serves only charts, only by their signed name', async () => {
    await h.post(slashCommand(h.fake, { text: 'entry ml systems engineer salary', responseId: 'r-img2' }), FORM);
    const url = local(
      (await h.fake.waitForResponse('r-img2')).body.blocks.find((b: { type: string }) => b.type === 'image').image_url,
    );
    const [, name, sig] = /\/charts\/([^.]+)\.([^.]+)\.png$/.exec(url)!;
    const forged = (n: string, s: string) => url.replace(`${name}.${sig}`, `${n}.${s}`);
    // Another real key with this key's signature, a changed signature, a key the content has no chart for, other paths.
    const otherKey = Buffer.from('salary:ml-systems-engineer:senior:-').toString('base64url');
    const noChart = Buffer.from('salary:llm-sme:-:-').toString('base64url');
    const flipped = `${sig![0] === 'A' ? 'B' : 'A'}${sig!.slice(1)}`;
    for (const bad of [
      forged(otherKey, sig!),
      forged(name!, flipped),
      forged(noChart, sig!),
      url.replace(/\.png$/, '.svg'),
      url.replace(/\/charts\/.*/, '/charts/'),
      url.replace(/\/charts\/.*/, '/charts/../slack/events'),
    ]) {
      expect((await fetch(bad)).status, bad).toBe(404);
    }
    expect((await fetch(url, { method: 'POST' })).status).toBe(404);
    expect((await fetch(url)).status).toBe(200);
  });
});
