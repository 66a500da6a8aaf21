import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { shippedContent } from '../helpers/content.js';
import { buttonIds, startHarness, type Harness } from './adapter-harness.js';
import { embedText, limitProblems } from './limits.js';
import { asReceived, buttonPress, careerCommand, USER } from './payloads.js';

let h: Harness;
beforeAll(async () => {
  // Far above what an answer takes, so responses are always immediate (type 4/7).
  h = await startHarness(createBot({ surface: discordSurface, content: shippedContent() }), { deferAfterMs: 2000 });
});
afterAll(async () => {
  await h?.stop();
});

describe('Share on Discord', () => {
  it('shares exactly the answer on screen: a level and city pay answer keeps its level and city lines', async () => {
    const asked = await h.interact(careerCommand('senior ml systems engineer in seattle', 'salary'));
    const answer = asked.body.data;
    const text = embedText(answer);
    expect(text).toContain('Senior level: $153,000 – $267,000');
    expect(text).toContain('Seattle, WA: $150,000 – $174,000 a year (city average).');
    expect(buttonIds(answer)).toContain('sh');
    // Discord hands the message back with read-only parts added (embed type, component ids).
    const cb = await h.interact(buttonPress('sh', asReceived(answer)));
    expect(cb.body.type).toBe(4);
    const shared = cb.body.data;
    expect(shared.flags ?? 0).toBe(0);
    expect(shared.content).toBe(`Shared by <@${USER.id}>`);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
    // The fake keeps the chart's attachment:// URL (Discord would answer with its CDN URL, which is copied).
    expect(shared.embeds).toEqual(answer.embeds.map(({ image: _, ...e }: Record<string, unknown>) => e));
    expect(embedText(shared)).toContain('Senior level: $153,000 – $267,000');
    expect(embedText(shared)).toContain('Seattle, WA: $150,000 – $174,000 a year (city average).');
    expect(buttonIds(shared)).not.toContain('sh');
    expect(buttonIds(shared)).toEqual(buttonIds(answer).filter((id) => id !== 'sh'));
    expect(limitProblems(shared)).toEqual([]);
  });

  it('shares from a button id of an earlier version (sh:<action>) the same way', async () => {
    const skills = await h.interact(buttonPress('s:ml-systems-engineer:skills', { messageFlags: 64 }));
    const cb = await h.interact(
      buttonPress('sh:s:ml-systems-engineer:skills', { messageFlags: 64, embeds: skills.body.data.embeds }),
    );
    expect(cb.body.data.content).toBe(`Shared by <@${USER.id}>`);
    expect(cb.body.data.embeds).toEqual(skills.body.data.embeds);
  });

  it('offers Share only on answers the core marks shareable (not help)', async () => {
    const help = await h.interact(careerCommand('help'));
    expect(help.body.data.embeds[0].title).toBe('How to ask career-bot');
    expect(buttonIds(help.body.data)).not.toContain('sh');
    const list = await h.interact(careerCommand('list roles'));
    expect(buttonIds(list.body.data)).toContain('sh');
  });
});
