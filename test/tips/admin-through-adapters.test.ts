import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { openStore } from '../../src/store/open-store.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { createTipsCommands } from '../../src/tips/tips-commands.js';
import { testLogger } from '../helpers/log-sink.js';
import { startHarness as startDiscordHarness } from '../discord/adapter-harness.js';
import { ADMIN_PERMISSIONS, CHANNEL_ID, tipsCommand } from '../discord/payloads.js';
import { shippedContent } from '../helpers/content.js';
import { FORM, slashCommand, startHttpHarness, visibleText } from '../slack/harness.js';

/**
 * Who may change a channel's weekly tips, end to end: the real Bolt and
 * discord.js paths of the adapters, the real tips commands, a real store.
 */
const clock = () => new Date('2026-11-23T08:00:00Z');
let store: TipStore | undefined;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  await store?.close();
});

/** Bot options with real tips commands over a fresh in-memory store. */
async function tipsBotOptions() {
  store = await openStore({ dataDir: ':memory:', logger: testLogger() });
  const content = shippedContent();
  return { clock, tipsCommands: createTipsCommands({ store, content, clock, logger: testLogger() }) };
}

describe('Slack: /career tips subscribe', () => {
  it('refuses a member politely and privately, and subscribes for a workspace admin', async () => {
    const h = await startHttpHarness({ bot: await tipsBotOptions() });
    stop = () => h.stop();
    h.fake.users.set('U-member', { is_admin: false, is_owner: false, tz: 'Europe/Berlin' });
    h.fake.users.set('U-admin', { is_admin: true, tz: 'Europe/Berlin' });
    const ask = async (user: string, id: string) => {
      expect(
        (
          await h.post(
            slashCommand(h.fake, { text: 'tips subscribe fri 14:30', responseId: id, user, channel: 'C-tips' }),
            FORM,
          )
        ).status,
      ).toBe(200);
      return (await h.fake.waitForResponse(id)).body;
    };

    const refused = await ask('U-member', 'r-member');
    expect(refused.response_type).toBe('ephemeral');
    expect(visibleText(refused)).toMatch(/admin/i);
    expect(await store!.getSubscription({ platform: 'slack', channelId: 'C-tips' })).toBeUndefined();

    const done = await ask('U-admin', 'r-admin');
    expect(done.response_type).toBe('ephemeral');
    expect(visibleText(done)).toContain('Europe/Berlin');
    expect(await store!.getSubscription({ platform: 'slack', channelId: 'C-tips' })).toMatchObject({
      channelId: 'C-tips',
    });
  });
});

describe('Discord: /tips subscribe', () => {
  it('refuses a member without Manage Channels and subscribes for one with it', async () => {
    const h = await startDiscordHarness(
      createBot({ surface: discordSurface, content: shippedContent(), ...(await tipsBotOptions()) }),
    );
    stop = () => h.stop();

    const refused = await h.interact(tipsCommand('subscribe', {}));
    expect(refused.body.data.flags & 64).toBe(64);
    expect(JSON.stringify(refused.body.data.embeds)).toMatch(/admin|Manage Channels/i);
    expect(await store!.getSubscription({ platform: 'discord', channelId: CHANNEL_ID })).toBeUndefined();

    const done = await h.interact(tipsCommand('subscribe', {}, { permissions: ADMIN_PERMISSIONS }));
    expect(done.body.data.flags & 64).toBe(64);
    expect(await store!.getSubscription({ platform: 'discord', channelId: CHANNEL_ID })).toMatchObject({
      channelId: CHANNEL_ID,
    });
  });
});
