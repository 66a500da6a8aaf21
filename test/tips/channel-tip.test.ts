import { describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/core/bot.js';
import type { Reply } from '../../src/core/reply.js';
import { channelTipOfTheWeek } from '../../src/tips/channel-tip.js';
import { runDue } from '../../src/tips/run-due.js';
import { createTipsCommands } from '../../src/tips/tips-commands.js';
import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import { BACKENDS } from '../store/backends.js';
import { command, envelope, question } from '../helpers/messages.js';
import { contentWithTips, manualClock, NO_PACE } from './helpers/fixture.js';
import { freshStore } from './helpers/fresh-store.js';
import { memoryLogger } from './helpers/memory-logger.js';
import { recordingPoster } from './helpers/recording-poster.js';

/** "send me a tip", the preview and the weekly post agree on a channel's tip of the week. */
const content = contentWithTips();
const CHANNELS = ['C-ONE', 'C-TWO', 'C-THREE'];

describe.each(BACKENDS)('one tip of the week per channel on $name', ({ create }) => {
  let bot: Bot;
  const clock = manualClock('2025-03-05T12:00:00Z');
  const logger = memoryLogger();
  const storeNow = freshStore(create, (store) => {
    clock.set('2025-03-05T12:00:00Z');
    bot = createBot({
      content,
      clock,
      logger,
      surface: slackSurface,
      tipsCommands: createTipsCommands({ store, content, clock, logger }),
      channelTip: (channel) => channelTipOfTheWeek(store, content, channel, clock()),
    });
  });

  const inChannel = (channel: string) => ({ ...envelope('slack', { channel }), isAdmin: async () => true });
  const askTip = async (channel: string): Promise<Reply> =>
    bot.handle(question(inChannel(channel), 'mention', 'send me a tip'));

  it('shows the tip that will be posted, then the one that was posted until the next post', async () => {
    for (const c of CHANNELS) await bot.handle(command(inChannel(c), 'tips subscribe mon 09:00 UTC'));
    const before = new Map<string, string>();
    for (const c of CHANNELS) {
      before.set(c, (await askTip(c)).title);
      const preview = await bot.handle(command(inChannel(c), 'tips preview'));
      expect(preview.title).toBe(`Preview, only you see this: ${before.get(c)}`);
    }

    const slack = recordingPoster('slack');
    clock.set('2025-03-10T09:00:00Z');
    await runDue({ store: storeNow(), content, posters: [slack], clock, logger, pace: NO_PACE });
    expect(slack.posts).toHaveLength(CHANNELS.length);
    for (const post of slack.posts) expect(post.reply.title).toBe(before.get(post.channelId));

    // Later the same week: still the posted tip, not the next one in the rotation.
    clock.set('2025-03-13T15:00:00Z');
    for (const post of slack.posts) expect((await askTip(post.channelId)).title).toBe(post.reply.title);
    // A channel's week runs from post to post: until the next one goes out, the last stays its tip.
    clock.set('2025-03-17T08:59:00Z');
    for (const post of slack.posts) expect((await askTip(post.channelId)).title).toBe(post.reply.title);
    clock.set('2025-03-17T09:00:00Z');
    const second = recordingPoster('slack');
    await runDue({ store: storeNow(), content, posters: [second], clock, logger, pace: NO_PACE });
    for (const post of second.posts) {
      expect(post.reply.title).not.toBe(before.get(post.channelId));
      expect((await askTip(post.channelId)).title).toBe(post.reply.title);
    }
  });

  it('keeps the week-wide tip in DMs and channels without weekly tips, and for a named role', async () => {
    const weekTip = bot.answer('send me a tip').reply.title;
    expect((await askTip('C-UNSUBSCRIBED')).title).toBe(weekTip);
    expect(
      (await bot.handle(question(envelope('slack', { dm: true, channel: 'D1' }), 'dm', 'send me a tip'))).title,
    ).toBe(weekTip);
    await bot.handle(command(inChannel('C-ONE'), 'tips subscribe'));
    const roleTip = bot.answer('send me a tip for an ml systems engineer').reply;
    expect(
      (await bot.handle(question(inChannel('C-ONE'), 'mention', 'send me a tip for an ml systems engineer'))).title,
    ).toBe(roleTip.title);
  });
});
