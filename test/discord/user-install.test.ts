import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommands } from '../../src/adapters/discord/commands.js';
import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { SHARE_NOT_ALLOWED } from '../../src/adapters/discord/share-message.js';
import { createBot } from '../../src/core/bot.js';
import { loadContent } from '../../src/core/content/load-content.js';
import { buttonIds, startHarness, type Harness } from './adapter-harness.js';
import { asReceived, buttonPress, careerCommand, NO_EXTERNAL_APPS, USER } from './payloads.js';

const loaded = loadContent('content');
if (!loaded.ok) throw new Error('content does not load');

const EPHEMERAL = 64;

describe('Discord user installs (real discord.js client, fake gateway)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(createBot({ surface: discordSurface, content: loaded.content }), { deferAfterMs: 2000 });
  });
  afterAll(async () => h.stop());

  /** Messages the bot posted into a channel itself, which needs it to be a member there. */
  const channelPosts = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));

  it('registers /career for server and user installs in servers, DMs with the bot and private channels; /tips for servers only', () => {
    const [career, tips] = slashCommands('global');
    expect(career).toMatchObject({ name: 'career', integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(tips).toMatchObject({ name: 'tips', integration_types: [0], contexts: [0] });
  });

  it('answers /career in a group DM between people (no guild, no member) privately, with Share', async () => {
    const cb = await h.interact(careerCommand('language ai engineer', 'skills', { userInstall: 'private' }));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].title).toBe('Language AI Engineer · Skills');
    expect(buttonIds(cb.body.data)).toContain('sh');
  });

  it('answers /career in a server the bot is not in (authorised by the user install only) privately, with Share', async () => {
    const cb = await h.interact(careerCommand('llm sme', undefined, { userInstall: 'server' }));
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].title).toContain('Large Language Model SME');
    expect(buttonIds(cb.body.data)).toContain('sh');
  });

  it('answers a section button on a private answer in a group DM by updating it in place (still private)', async () => {
    const cb = await h.interact(buttonPress('s:llm-sme:skills', { userInstall: 'private', messageFlags: EPHEMERAL }));
    expect(cb.body.type).toBe(7);
    expect(cb.body.data.embeds[0].title).toBe('Large Language Model SME · Skills');
  });

  describe('Share where the bot is not a member', () => {
    it.each([
      ['in a group DM', 'private'],
      ['in a server the bot is not in, by a member who may use external apps', 'server'],
    ] as const)(
      '%s: posts the answer for everyone as the interaction response, never into the channel',
      async (_where, userInstall) => {
        const posted = channelPosts().length;
        const asked = await h.interact(careerCommand('language ai engineer', 'skills', { userInstall }));
        expect(asked.body.data.flags).toBe(EPHEMERAL);
        expect(buttonIds(asked.body.data)).toContain('sh');
        const cb = await h.interact(buttonPress('sh', { userInstall, ...asReceived(asked.body.data) }));
        expect(cb.body.type).toBe(4);
        expect(cb.body.data.flags ?? 0).toBe(0);
        expect(cb.body.data.content).toBe(`Shared by <@${USER.id}>`);
        expect(cb.body.data.embeds).toEqual(asked.body.data.embeds);
        expect(buttonIds(cb.body.data)).toEqual(buttonIds(asked.body.data).filter((id) => id !== 'sh'));
        expect(channelPosts()).toHaveLength(posted);
      },
    );

    it('in a group DM: a button on the shared message answers the presser privately and leaves the message as shared', async () => {
      const cb = await h.interact(buttonPress('s:llm-sme:skills', { userInstall: 'private', messageFlags: 0 }));
      expect(cb.body.type).toBe(4);
      expect(cb.body.data.flags).toBe(EPHEMERAL);
      expect(cb.body.data.embeds[0].title).toBe('Large Language Model SME · Skills');
      expect(buttonIds(cb.body.data)).toContain('sh');
    });

    it('in a server the bot is not in, where the member may not use external apps: no Share offered', async () => {
      // Discord would turn a "shared" response ephemeral there: only the sharer would see it.
      const where = { userInstall: 'server', permissions: NO_EXTERNAL_APPS } as const;
      const asked = await h.interact(careerCommand('llm sme', 'skills', where));
      expect(asked.body.data.flags).toBe(EPHEMERAL);
      expect(asked.body.data.embeds[0].title).toBe('Large Language Model SME · Skills');
      expect(buttonIds(asked.body.data)).not.toContain('sh');
      const section = await h.interact(buttonPress('s:llm-sme:salary', { ...where, messageFlags: EPHEMERAL }));
      expect(section.body.type).toBe(7);
      expect(buttonIds(section.body.data)).not.toContain('sh');
    });

    it('in a server the bot is not in, where the member may not use external apps: a Share pressed says why, privately', async () => {
      const posted = channelPosts().length;
      const asked = await h.interact(careerCommand('llm sme', 'skills', { userInstall: 'server' }));
      const cb = await h.interact(
        buttonPress('sh', { userInstall: 'server', permissions: NO_EXTERNAL_APPS, ...asReceived(asked.body.data) }),
      );
      expect(cb.body.type).toBe(4);
      expect(cb.body.data.flags).toBe(EPHEMERAL);
      expect(cb.body.data.content).toBe(SHARE_NOT_ALLOWED);
      expect(cb.body.data.content).toContain('Use External Apps');
      expect(cb.body.data.embeds ?? []).toEqual([]);
      expect(channelPosts()).toHaveLength(posted);
    });

    it('in a server that added the app, shares for everyone whatever the member may do with external apps', async () => {
      const asked = await h.interact(careerCommand('llm sme', 'skills', { permissions: NO_EXTERNAL_APPS }));
      expect(buttonIds(asked.body.data)).toContain('sh');
      const cb = await h.interact(buttonPress('sh', { permissions: NO_EXTERNAL_APPS, ...asReceived(asked.body.data) }));
      expect(cb.body.data.flags ?? 0).toBe(0);
      expect(cb.body.data.content).toBe(`Shared by <@${USER.id}>`);
    });
  });
});
