import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { createBot } from '../../src/core/bot.js';
import { createMemoryContextStore } from '../../src/core/conversation/memory-context-store.js';
import { shippedContent } from '../helpers/content.js';
import { startHarness, type Harness } from './adapter-harness.js';
import { directMessage, DM_CHANNEL_ID, USER } from './payloads.js';

describe('Discord conversations in DMs (real discord.js client, fake Discord)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      createBot({ content: shippedContent(), contexts: createMemoryContextStore(), surface: discordSurface }),
    );
  });
  afterAll(async () => {
    await h?.stop();
  });

  const say = async (text: string, author: Record<string, unknown> = USER) => {
    const reply = h.fake.nextRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL_ID}/messages` && r.status === 200,
    );
    h.fake.dispatch('MESSAGE_CREATE', directMessage(text, author));
    return (await reply).body as {
      embeds: { title: string; description?: string; fields?: { name: string; value: string }[] }[];
    };
  };
  const text = (body: Awaited<ReturnType<typeof say>>) => JSON.stringify(body.embeds);

  it('keeps the topic when the role changes, and the role when the topic does', async () => {
    expect((await say('tell me about knowledge graph engineers')).embeds[0]!.title).toBe(
      'Knowledge Graph Engineer · Overview',
    );
    expect((await say('and what degree do they usually have?')).embeds[0]!.title).toBe(
      'Knowledge Graph Engineer · Education',
    );
    expect((await say('what about language AI engineers?')).embeds[0]!.title).toBe('Language AI Engineer · Education');
  });

  it('compares after a fit answer and follows "the second one"', async () => {
    const fit = await say('I know SPARQL, RDF, NLP and sentiment analysis. Which role fits me best?');
    expect(fit.embeds[0]!.title).toBe('Roles that fit what you said');
    expect(text(fit)).toMatch(/Knowledge Graph Engineer|Language AI Engineer/);
    const second = await say('tell me more about the second one');
    expect(second.embeds[0]!.title).toMatch(/· Overview$/);
  });

  it("keeps one person's conversation from another's in the same channel", async () => {
    await say('ml systems engineer salary in austin');
    const other = await say('and in chicago?', { ...USER, id: '1300000000000000099', username: 'bob' });
    expect(other.embeds[0]!.title).not.toBe('ML Systems Engineer · Salary');
    const mine = await say('and in chicago?');
    expect(mine.embeds[0]!.title).toBe('ML Systems Engineer · Salary');
    expect(text(mine)).toContain('Chicago, IL: $164,000');
  });
});
