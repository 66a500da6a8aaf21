import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import type { IncomingMessage } from '../../src/core/message.js';
import type { Reply } from '../../src/core/reply.js';
import { renderText } from '../../src/core/render-text.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { runDue } from '../../src/tips/run-due.js';
import { createTipsCommands } from '../../src/tips/tips-commands.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { contentWithTips, manualClock, NO_PACE } from './helpers/fixture.js';
import { memoryLogger } from './helpers/memory-logger.js';
import { recordingPoster } from './helpers/recording-poster.js';
import { command, envelope } from '../helpers/messages.js';

const content = contentWithTips();

function message(
  text: string,
  o: { admin?: boolean | 'throws'; zone?: string; platform?: 'slack' | 'discord' | 'console'; dm?: boolean } = {},
): IncomingMessage {
  return command(
    {
      ...envelope(o.platform ?? 'slack', {
        channel: 'C-TIPS',
        user: { id: 'U42', name: 'ada' },
        ...(o.dm ? { dm: true } : {}),
      }),
      ...(o.admin !== undefined
        ? {
            isAdmin: async () => {
              if (o.admin === 'throws') throw new Error('users.info failed');
              return o.admin === true;
            },
          }
        : {}),
      ...(o.zone !== undefined ? { timeZone: async () => o.zone } : {}),
    },
    text,
  );
}

const text = (r: Reply) => renderText(r);

describe.each(BACKENDS)('/career tips on $name', ({ create }) => {
  let database: TestDatabase;
  let store: TipStore;
  const clock = manualClock('2025-03-05T12:00:00Z');
  const logger = memoryLogger();
  let bot: ReturnType<typeof createBot>;

  beforeEach(async () => {
    database = await create();
    store = await database.open();
    clock.set('2025-03-05T12:00:00Z');
    logger.entries.length = 0;
    bot = createBot({
      surface: consoleSurface,
      content,
      clock,
      logger,
      tipsCommands: createTipsCommands({ store, content, clock, logger }),
    });
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const say = (t: string, o: Parameters<typeof message>[1] = { admin: true }) => bot.handle(message(t, o));

  it('refuses changes from non-admins politely and privately, and logs the attempt', async () => {
    for (const o of [{ admin: false }, {}, { admin: 'throws' as const }]) {
      const r = await say('tips subscribe', o);
      expect(r.private).toBe(true);
      expect(text(r)).toMatch(/Sorry, only workspace admins/);
    }
    expect(text(await say('tips pause', { admin: false, platform: 'discord' }))).toMatch(/Manage Channels/);
    expect(await store.getSubscription({ platform: 'slack', channelId: 'C-TIPS' })).toBeUndefined();
    expect(logger.entries.filter((e) => /refused/.test(String(e.msg)))).toHaveLength(4);
    // Reading is open to everyone.
    expect(text(await say('tips status', { admin: false }))).toMatch(/doesn't get weekly tips/);
  });

  it('subscribes with Monday 09:00 in the workspace zone by default and says so', async () => {
    const r = await say('tips subscribe', { admin: true, zone: 'America/New_York' });
    expect(r.private).toBe(true);
    const t = text(r);
    expect(t).toMatch(/every Monday at 09:00 \(America\/New_York\)/);
    expect(t).toMatch(/Next tip: Mon 10 Mar 2025, 09:00 GMT-4/);
    expect(t).toMatch(/default Monday 09:00/);
    expect(t).toMatch(/Time zone: America\/New_York, the workspace's usual zone/);
    expect(logger.entries.find((e) => e.change === 'subscribe')).toMatchObject({
      by: 'ada (U42)',
      platform: 'slack',
      channelId: 'C-TIPS',
    });
  });

  it('falls back to UTC when the platform does not know a zone, and says which', async () => {
    const t = text(await say('tips subscribe friday 16:00', { admin: true }));
    expect(t).toMatch(/every Friday at 16:00 \(UTC\)/);
    expect(t).toMatch(/Time zone: UTC, because I can't tell/);
  });

  it('explains a bad day, time or zone with an example', async () => {
    for (const bad of [
      'tips subscribe someday',
      'tips subscribe mon 25:00',
      'tips subscribe mon 09:00 Mars/Olympus',
      'tips subscribe mon tue',
    ]) {
      const r = await say(bad);
      expect(r.private).toBe(true);
      expect(text(r)).toMatch(/e\.g\. \/career tips subscribe monday 09:00 Europe\/Berlin/);
    }
    expect(await store.getSubscription({ platform: 'slack', channelId: 'C-TIPS' })).toBeUndefined();
  });

  it('shows status: schedule, next post in the channel zone, tips left', async () => {
    await say('tips subscribe wed 08:15 Asia/Tokyo');
    const r = await say('tips status', { admin: false });
    const t = text(r);
    expect(r.private).toBe(true);
    expect(t).toMatch(/every Wednesday at 08:15 \(Asia\/Tokyo\)/);
    expect(t).toMatch(/Wed 12 Mar 2025, 08:15 GMT\+9/);
    expect(t).toMatch(new RegExp(`Tips left before the rotation restarts: ${content.tips.length}`));
  });

  it('previews the next tip privately, and it is the one that gets posted', async () => {
    await say('tips subscribe');
    const preview = await say('tips preview', { admin: false });
    expect(preview.private).toBe(true);
    expect(preview.title).toMatch(/^Preview, only you see this: Skill tip: /);
    const slack = recordingPoster('slack');
    clock.set('2025-03-10T09:00:00Z');
    await runDue({ store, content, posters: [slack], clock, logger, pace: NO_PACE });
    expect(preview.title).toContain(slack.posts[0]!.reply.title);
    expect(text(await say('tips status'))).toMatch(
      new RegExp(`Tips left before the rotation restarts: ${content.tips.length - 1}`),
    );
  });

  it('pauses, skips and resumes, confirming each privately', async () => {
    await say('tips subscribe mon 09:00 Europe/Berlin');
    expect(text(await say('tips skip'))).toMatch(
      /The tip of Mon 10 Mar 2025, 09:00 CET will not be posted. Next tip: Mon 17 Mar 2025, 09:00 CET/,
    );
    expect(text(await say('tips skip'))).toMatch(/already skipped/);
    expect(text(await say('tips status'))).toMatch(/skipping the week 2025-W11/);
    expect(text(await say('tips pause'))).toMatch(/paused in this channel/);
    expect(text(await say('tips pause'))).toMatch(/already paused/);
    expect(text(await say('tips status'))).toMatch(/Paused \(paused by ada \(U42\)\)/);
    expect(text(await say('tips skip'))).toMatch(/paused here; nothing is coming/);
    clock.set('2025-03-11T12:00:00Z');
    const resumed = text(await say('tips resume'));
    expect(resumed).toMatch(
      /Weekly tips are back on, every Monday at 09:00 \(Europe\/Berlin\). Next tip: Mon 17 Mar 2025, 09:00 CET/,
    );
    expect(text(await say('tips resume'))).toMatch(/Not paused/);
    expect(logger.entries.filter((e) => e.by === 'ada (U42)').map((e) => e.change)).toEqual([
      'subscribe',
      'skip',
      'pause',
      'resume',
    ]);
  });

  it('reschedules and unsubscribes', async () => {
    await say('tips subscribe');
    expect(text(await say('tips subscribe thu 10:00 UTC'))).toMatch(
      /Updated: this channel now gets a skill tip every Thursday at 10:00 \(UTC\)/,
    );
    expect(text(await say('tips unsubscribe'))).toMatch(/no more weekly tips/);
    expect(text(await say('tips unsubscribe'))).toMatch(/does not get weekly tips/);
    expect(text(await say('tips pause'))).toMatch(/does not get weekly tips/);
  });

  it('shows a paused channel why it stopped after a permanent failure', async () => {
    await say('tips subscribe');
    clock.set('2025-03-10T09:00:00Z');
    await runDue({
      store,
      content,
      posters: [recordingPoster('slack', () => ({ ok: false, permanent: true, reason: 'not_in_channel' }))],
      clock,
      logger,
      pace: NO_PACE,
    });
    expect(text(await say('tips status'))).toMatch(/Paused: posting failed: not_in_channel. Fix the bot's access/);
  });

  it('answers help and unknown subcommands, and keeps tips to channels', async () => {
    expect(text(await say('tips'))).toMatch(/\/career tips subscribe \[day\] \[time\] \[timezone\]/);
    expect(text(await say('tips frobnicate'))).toMatch(/I don't know "tips frobnicate"/);
    expect(text(await say('tips subscribe', { admin: true, dm: true }))).toMatch(/run the command in the channel/);
    expect(text(await say('tips subscribe', { admin: true, platform: 'console' }))).toMatch(/Slack or Discord channel/);
  });
});
