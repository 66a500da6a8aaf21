import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordPoster } from '../../src/adapters/discord/discord-poster.js';
import type { Reply } from '../../src/core/reply.js';
import { registerSecret } from '../helpers/log-sink.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.mjs';
import { limitProblems } from './limits.js';
import { memoryLogger } from './memory-logger.js';

const TOKEN = 'fake-token-0123456789abcdef';
registerSecret(TOKEN);
const CHANNEL = '1600000000000000001';
const MESSAGES = /^\/channels\/\d+\/messages$/;
const tip: Reply = {
  intent: 'tip',
  title: 'Skill tip: profiling',
  blocks: [{ type: 'paragraph', text: 'Profile before you optimise. @everyone should.' }],
  choices: [
    {
      label: 'ML Systems Engineer: Skills',
      action: { type: 'section', role: 'ml-systems-engineer', section: 'skills' },
      group: 'related',
    },
  ],
  private: false,
  role: 'ml-systems-engineer',
};

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

describe('createDiscordPoster (REST only)', () => {
  it('posts the rendered reply with allowed_mentions that parse nothing, and returns the message id', async () => {
    const poster = createDiscordPoster({ token: TOKEN, apiUrl: fake.apiUrl, logger: memoryLogger() });
    const outcome = await poster.post(CHANNEL, tip);
    const request = await fake.waitForRequest((r) => r.path === `/channels/${CHANNEL}/messages`);
    expect(outcome).toEqual({ ok: true, messageId: expect.stringMatching(/^\d+$/) });
    expect(request.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(request.body.allowed_mentions).toEqual({ parse: [] });
    expect(request.body.flags).toBeUndefined();
    expect(request.body.embeds[0].title).toBe('Skill tip: profiling');
    expect(limitProblems(request.body)).toEqual([]);
    expect(fake.requests.some((r) => r.path.startsWith('/gateway'))).toBe(false);
    await poster.stop();
    await poster.stop();
    expect(await poster.post(CHANNEL, tip)).toMatchObject({ ok: false, permanent: false });
  });

  it('waits out a 429 and succeeds', async () => {
    const poster = createDiscordPoster({ token: TOKEN, apiUrl: fake.apiUrl, logger: memoryLogger() });
    fake.failNext(
      'POST',
      MESSAGES,
      429,
      { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      {
        'retry-after': '1',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.2',
        'x-ratelimit-bucket': 'poster-bucket',
        'x-ratelimit-scope': 'user',
      },
    );
    const before = fake.requests.length;
    expect(await poster.post(CHANNEL, tip)).toMatchObject({ ok: true });
    expect(fake.requests.slice(before).map((r) => r.status)).toEqual([429, 200]);
    await poster.stop();
  });

  it.each([
    [50001, 403, 'Missing Access'],
    [10003, 404, 'Unknown Channel'],
    [50013, 403, 'Missing Permissions'],
  ])('treats Discord error %i as permanent', async (code, status, message) => {
    const logger = memoryLogger();
    const poster = createDiscordPoster({ token: TOKEN, apiUrl: fake.apiUrl, logger });
    fake.failNext('POST', MESSAGES, status, { message, code });
    const outcome = await poster.post(CHANNEL, tip);
    expect(outcome).toMatchObject({ ok: false, permanent: true, reason: expect.stringContaining(String(code)) });
    expect(logger.entries.find((e) => e.msg === 'discord: posting a tip failed')?.obj).toMatchObject({
      channel: CHANNEL,
      code,
      permanent: true,
    });
    await poster.stop();
  });

  it('never re-sends after a server error: the message may have been stored, so the outcome is unknown', async () => {
    const poster = createDiscordPoster({ token: TOKEN, apiUrl: fake.apiUrl, logger: memoryLogger() });
    fake.failNext('POST', MESSAGES, 502, { message: 'Bad Gateway' });
    const before = fake.requests.length;
    expect(await poster.post(CHANNEL, tip)).toMatchObject({
      ok: false,
      permanent: false,
      unknown: true,
      reason: expect.stringContaining('502'),
    });
    expect(fake.requests.slice(before).map((r) => r.status)).toEqual([502]);
    await poster.stop();
  });

  it('sends the claim key as nonce with enforce_nonce, so Discord de-duplicates a re-send', async () => {
    const poster = createDiscordPoster({ token: TOKEN, apiUrl: fake.apiUrl, logger: memoryLogger() });
    expect(await poster.post(CHANNEL, tip, { idempotencyKey: 'tip-42-2025-W11' })).toMatchObject({ ok: true });
    const request = await fake.waitForRequest(
      (r) => r.path === `/channels/${CHANNEL}/messages` && r.body?.nonce === 'tip-42-2025-W11',
    );
    expect(request.body.enforce_nonce).toBe(true);
    // A key longer than Discord's 25 characters becomes a stable 25-character nonce.
    const long = 'tip-123456789012345678-2025-W11';
    await poster.post(CHANNEL, tip, { idempotencyKey: long });
    await poster.post(CHANNEL, tip, { idempotencyKey: long });
    const nonces = fake.requests
      .filter((r) => r.body?.enforce_nonce && r.body.nonce !== 'tip-42-2025-W11')
      .map((r) => r.body.nonce as string);
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).toHaveLength(25);
    expect(nonces[1]).toBe(nonces[0]);
    await poster.stop();
  });

  it('reports a 401 as a refused token, and tries the token again on the next post', async () => {
    const logger = memoryLogger();
    const poster = createDiscordPoster({ token: TOKEN, apiUrl: fake.apiUrl, logger });
    fake.failNext('POST', MESSAGES, 401, { message: '401: Unauthorized', code: 0 });
    const before = fake.requests.length;
    expect(await poster.post(CHANNEL, tip)).toMatchObject({ ok: false, permanent: false, tokenRefused: true });
    expect(fake.requests.slice(before).map((r) => r.status)).toEqual([401]);
    expect(await poster.post(CHANNEL, tip)).toMatchObject({ ok: true });
    await poster.stop();
  });

  it('treats a network error as temporary, without throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const poster = createDiscordPoster({
      token: TOKEN,
      apiUrl: `http://127.0.0.1:${port}/api`,
      logger: memoryLogger(),
    });
    expect(await poster.post(CHANNEL, tip)).toMatchObject({
      ok: false,
      permanent: false,
      reason: expect.stringMatching(/^network: /),
    });
    await poster.stop();
  });
});
