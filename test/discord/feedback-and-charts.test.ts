import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { createBot } from '../../src/core/bot.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { openLearningStore, type LearningStore } from '../helpers/learning-store.js';
import { shippedContent } from '../helpers/content.js';
import { buttonIds, startHarness, type Harness } from './adapter-harness.js';
import { ADMIN_PERMISSIONS, buttonPress, careerCommand, directMessage, DM_CHANNEL_ID, USER } from './payloads.js';

const VOTER_SECRET = 'discord-test-secret-0123456789';

/** Manage Server on top of what a channel admin has. */
const MANAGE_SERVER = String(BigInt(ADMIN_PERMISSIONS) | (1n << 5n));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let h: Harness;
let learning: LearningStore;
let store: TipStore;

beforeAll(async () => {
  learning = await openLearningStore('discord-votes', VOTER_SECRET);
  ({ store } = learning);
  const { answerLog, usageReport } = learning;
  h = await startHarness(createBot({ surface: discordSurface, content: shippedContent(), answerLog, usageReport }), {
    deferAfterMs: 4000,
  });
});

afterAll(async () => {
  await h?.stop();
  await learning?.close();
});

describe('feedback and pay charts on Discord (real discord.js client, fake REST)', () => {
  it('/career pay answer: the chart is a PNG attachment shown as the embed image, with vote buttons', async () => {
    const callback = await h.interact(careerCommand('ml-systems-engineer', 'salary'));
    expect(callback.body.data.embeds[0].image).toEqual({ url: 'attachment://pay-chart.png' });
    expect(callback.files).toHaveLength(1);
    expect(callback.files[0]!.name).toBe('pay-chart.png');
    expect(callback.files[0]!.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(buttonIds(callback.body.data)).toEqual(
      expect.arrayContaining(['f:+:p:ml-systems-engineer:salary', 'f:-:p:ml-systems-engineer:salary']),
    );
  });

  it('a vote is stored once, changed on a second press, and thanked privately without touching the answer', async () => {
    const first = await h.interact(buttonPress('f:+:r:llm-sme:skills'));
    expect(first.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringContaining('Thanks') } });
    const again = await h.interact(buttonPress('f:+:r:llm-sme:skills'));
    expect(again.body.data.content).toContain('already');
    const changed = await h.interact(buttonPress('f:-:r:llm-sme:skills'));
    expect(changed.body.data.content).toContain('changed');
    const { votes } = await store.learning.usage(null, 10);
    expect(votes).toEqual([{ intent: 'role', roles: 'llm-sme', section: 'skills', helpful: 0, notHelpful: 1 }]);
    const raw = JSON.stringify(await store.learning.usage(null, 10));
    expect(raw).not.toContain(USER.id);
  });

  it('a pay answer in a DM sends its chart as an attachment to the channel', async () => {
    const sent = h.fake.nextRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL_ID}/messages` && r.status === 200,
    );
    h.fake.dispatch('MESSAGE_CREATE', directMessage('entry ml systems engineer salary in austin'));
    const r = await sent;
    expect(r.body.embeds[0].image.url).toBe('attachment://pay-chart.png');
    expect(r.files[0]!.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('/career report: shown privately to a member with Manage Server, refused to one with only Manage Channels', async () => {
    const admin = await h.interact(careerCommand('report', undefined, { permissions: MANAGE_SERVER }));
    expect(admin.body.data.flags).toBe(64);
    expect(JSON.stringify(admin.body.data.embeds)).toMatch(/Answers: \d+/);
    const channelAdmin = await h.interact(careerCommand('report', undefined, { permissions: ADMIN_PERMISSIONS }));
    expect(JSON.stringify(channelAdmin.body.data.embeds)).toContain('for admins only');
  });
});
