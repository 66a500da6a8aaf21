import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordPoster } from '../../src/adapters/discord/discord-poster.js';
import { createSlackPoster } from '../../src/adapters/slack/slack-poster.js';
import type { TipPoster } from '../../src/core/tips/tip-poster.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { runDue } from '../../src/tips/run-due.js';
import { sqliteDatabase, type TestDatabase } from '../store/backends.js';
import { startFakeApis, type FakeApis } from './helpers/fake-apis.mjs';
import { contentWithTips, manualClock } from './helpers/fixture.js';
import { memoryLogger } from './helpers/memory-logger.js';

const content = contentWithTips();
const SLACK_TOKEN = 'xoxb-test-token';
const DISCORD_TOKEN = 'discord-test-token-0123456789';

describe('weekly tips through the real Slack and Discord posters', () => {
  let fake: FakeApis;
  let database: TestDatabase;
  let store: TipStore;
  let posters: TipPoster[];
  const clock = manualClock('2025-03-05T12:00:00Z');
  const logger = memoryLogger();

  beforeEach(async () => {
    fake = await startFakeApis();
    database = await sqliteDatabase();
    store = await database.open();
    clock.set('2025-03-05T12:00:00Z');
    logger.entries.length = 0;
    posters = [
      createSlackPoster({ token: SLACK_TOKEN, apiUrl: fake.slackApiUrl, logger }),
      createDiscordPoster({ token: DISCORD_TOKEN, apiUrl: fake.discordApiUrl, logger }),
    ];
    for (const channelId of ['C1', 'C2']) await store.subscribe({ platform: 'slack', channelId }, { day: 'mon', time: '09:00', timeZone: 'UTC' }, { at: clock(), by: 'U1' });
    for (const channelId of ['9001', '9002']) await store.subscribe({ platform: 'discord', channelId }, { day: 'mon', time: '09:00', timeZone: 'UTC' }, { at: clock(), by: 'U1' });
    clock.set('2025-03-10T09:00:00Z');
  });
  afterEach(async () => {
    await Promise.all(posters.map((p) => p.stop()));
    await store.close();
    await database.drop();
    await fake.close();
  });

  it('waits out a 429 (Retry-After) in the libraries and posts each channel once', async () => {
    fake.failNext('slack', 'C1', '429');
    fake.failNext('discord', '9001', '429');
    const report = await runDue({ store, content, posters, clock, logger });
    expect(report.counts.posted).toBe(4);
    expect(fake.posts.filter((p) => p.outcome === '429').map((p) => `${p.platform}:${p.channel}`).sort()).toEqual(['discord:9001', 'slack:C1']);
    for (const [platform, channel] of [['slack', 'C1'], ['slack', 'C2'], ['discord', '9001'], ['discord', '9002']] as const) {
      expect(fake.delivered[platform].get(channel)).toBe(1);
    }
    const slackBody = fake.posts.find((p) => p.platform === 'slack' && p.status === 200)!.body;
    expect(slackBody.text).toMatch(/Skill tip/);
    const discordBody = fake.posts.find((p) => p.platform === 'discord' && p.status === 200)!.body;
    expect(discordBody.embeds[0].title).toMatch(/^Skill tip: /);
  }, 20_000);

  it('pauses only the channels the platforms say are gone', async () => {
    fake.failNext('slack', 'C2', 'permanent');
    fake.failNext('discord', '9002', 'permanent');
    const report = await runDue({ store, content, posters, clock, logger });
    expect(report.counts).toMatchObject({ posted: 2, paused: 2 });
    expect(await store.getSubscription({ platform: 'slack', channelId: 'C2' })).toMatchObject({ paused: true, pausedReason: 'posting failed: channel_not_found' });
    expect((await store.getSubscription({ platform: 'discord', channelId: '9002' }))?.pausedReason).toMatch(/^posting failed: discord 404 \(code 10003\)/);
    expect(await store.getSubscription({ platform: 'slack', channelId: 'C1' })).toMatchObject({ paused: false });
  });

  it('retries a server error on a later run without posting twice', async () => {
    // The WebClient itself tries 5 times (its retry policy) before giving up.
    fake.failNext('slack', 'C1', 'transient', 5);
    const first = await runDue({ store, content, posters, clock, logger });
    expect(first.counts).toMatchObject({ posted: 3, failed: 1 });
    expect(fake.posts.filter((p) => p.outcome === 'transient')).toHaveLength(5);
    clock.set('2025-03-10T09:01:00Z');
    const second = await runDue({ store, content, posters, clock, logger });
    expect(second.counts.posted).toBe(1);
    expect(fake.delivered.slack.get('C1')).toBe(1);
    expect(await store.getDelivery({ platform: 'slack', channelId: 'C1' }, '2025-W11')).toMatchObject({ status: 'delivered', attempts: 2 });
  }, 30_000);
});
