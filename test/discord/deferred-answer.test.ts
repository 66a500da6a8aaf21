import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import type { Reply } from '../../src/core/reply.js';
import { shippedContent } from '../helpers/content.js';
import { startHarness, type Harness } from './adapter-harness.js';
import { APP_ID } from './fake-discord.mjs';
import { ADMIN_PERMISSIONS, tipsCommand } from './payloads.js';

/**
 * The path for answers slower than `deferAfterMs`. The answers here are held
 * until the test releases them, so they are always slow: a small
 * `deferAfterMs` cannot make this flaky, and keeps the test quick.
 */
const tipsReply: Reply = {
  intent: 'help',
  title: 'Weekly tips',
  blocks: [{ type: 'paragraph', text: 'Next tip on Monday.' }],
  choices: [],
  private: true,
};
let gate: { release(): void; fail(): void; done: Promise<void> } | null = null;

function hold() {
  let release!: () => void;
  let fail!: () => void;
  const done = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = () => reject(new Error('store unavailable'));
  });
  gate = { release, fail, done };
  return gate;
}

let h: Harness;

beforeAll(async () => {
  const bot = createBot({
    surface: discordSurface,
    content: shippedContent(),
    tipsCommands: {
      async handle() {
        await gate?.done;
        return tipsReply;
      },
    },
  });
  h = await startHarness(bot, { deferAfterMs: 50 });
});

afterAll(async () => {
  await h?.stop();
});

describe('slow answers on Discord', () => {
  it('defers a slow answer, then edits the original response', async () => {
    const held = hold();
    const payload = tipsCommand('preview', {}, { permissions: ADMIN_PERMISSIONS });
    const edit = h.fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${payload.token}/messages/@original`,
    );
    const deferred = await h.interact(payload);
    expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
    held.release();
    const edited = await edit;
    expect(edited.body.embeds[0].title).toBe('Weekly tips');
    expect(edited.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('tells the user about a failure after deferring with a private follow-up, without pings', async () => {
    const held = hold();
    const payload = tipsCommand('status', {}, { permissions: ADMIN_PERMISSIONS });
    const followUp = h.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/webhooks/${APP_ID}/${payload.token}`,
    );
    expect((await h.interact(payload)).body.type).toBe(5);
    held.fail();
    const notice = await followUp;
    expect(notice.body.content).toContain('something went wrong');
    expect(notice.body.flags).toBe(64);
    expect(notice.body.allowed_mentions).toEqual({ parse: [] });
  });
});
