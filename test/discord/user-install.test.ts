import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommands } from '../../src/adapters/discord/commands.js';
import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { createBot } from '../../src/core/bot.js';
import { loadContent } from '../../src/core/content/load-content.js';
import { buttonIds, startHarness, type Harness } from './adapter-harness.js';
import { buttonPress, careerCommand } from './payloads.js';

const loaded = loadContent('content');
if (!loaded.ok) throw new Error('content does not load');

describe('Discord user installs (real discord.js client, fake gateway)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(createBot({ surface: discordSurface, content: loaded.content }), { deferAfterMs: 2000 });
  });
  afterAll(async () => h.stop());

  it('registers /career for server and user installs in servers, DMs with the bot and private channels; /tips for servers only', () => {
    const [career, tips] = slashCommands('global');
    expect(career).toMatchObject({ name: 'career', integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(tips).toMatchObject({ name: 'tips', integration_types: [0], contexts: [0] });
  });

  it('answers /career in a group DM between people (no guild, no member) privately, with Share', async () => {
    const cb = await h.interact(careerCommand('language ai engineer', 'skills', { userInstall: 'private' }));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.embeds[0].title).toBe('Language AI Engineer · Skills');
    expect(buttonIds(cb.body.data)).toContain('sh');
  });

  it('answers /career in a server the bot is not in (authorised by the user install only) privately', async () => {
    const cb = await h.interact(careerCommand('llm sme', undefined, { userInstall: 'server' }));
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.embeds[0].title).toContain('Large Language Model SME');
  });

  it('answers a section button on a private answer in a group DM by updating it in place (still private)', async () => {
    const cb = await h.interact(buttonPress('s:llm-sme:skills', { userInstall: 'private', messageFlags: 64 }));
    expect(cb.body.type).toBe(7);
    expect(cb.body.data.embeds[0].title).toBe('Large Language Model SME · Skills');
  });
});
