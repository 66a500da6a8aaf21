import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { createBot } from '../../src/core/bot.js';
import type { WeeklySchedule } from '../../src/core/tips/schedule.js';
import { openStore } from '../../src/store/open-store.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { createTipsCommands } from '../../src/tips/tips-commands.js';
import { testLogger } from '../helpers/log-sink.js';
import { startHarness, type Harness } from '../discord/adapter-harness.js';
import { ADMIN_PERMISSIONS, CHANNEL_ID, tipsCommand } from '../discord/payloads.js';
import { shippedContent } from '../helpers/content.js';

/**
 * `/tips subscribe` with its options in every combination, end to end: a
 * real discord.js client, the real tips commands, a real store. Each option
 * is read as what it is named, never guessed from its shape.
 */
const clock = () => new Date('2026-11-23T08:00:00Z');
const channel = { platform: 'discord', channelId: CHANNEL_ID };
let store: TipStore;
let h: Harness;

beforeAll(async () => {
  store = await openStore({ dataDir: ':memory:', logger: testLogger() });
  const content = shippedContent();
  h = await startHarness(
    createBot({
      content,
      surface: discordSurface,
      clock,
      tipsCommands: createTipsCommands({ store, content, clock, logger: testLogger() }),
    }),
  );
});
afterAll(async () => {
  await h?.stop();
  await store?.close();
});
beforeEach(async () => {
  await store.unsubscribe(channel, { at: clock(), by: 'test' });
});

async function subscribe(options: Record<string, string>): Promise<string> {
  const cb = await h.interact(tipsCommand('subscribe', options, { permissions: ADMIN_PERMISSIONS }));
  expect(cb.body.data.flags & 64).toBe(64);
  return JSON.stringify(cb.body.data.embeds);
}

const schedule = async (): Promise<WeeklySchedule | undefined> => {
  const sub = await store.getSubscription(channel);
  return sub?.active ? sub.schedule : undefined;
};

describe('Discord /tips subscribe options', () => {
  it.each([
    [{}, { day: 'mon', time: '09:00', timeZone: 'UTC' }],
    [{ day: 'fri' }, { day: 'fri', time: '09:00', timeZone: 'UTC' }],
    [{ time: '17:30' }, { day: 'mon', time: '17:30', timeZone: 'UTC' }],
    [{ time: '5:30pm' }, { day: 'mon', time: '17:30', timeZone: 'UTC' }],
    [{ timezone: 'Europe/Berlin' }, { day: 'mon', time: '09:00', timeZone: 'Europe/Berlin' }],
    [
      { day: 'wed', time: '08:15' },
      { day: 'wed', time: '08:15', timeZone: 'UTC' },
    ],
    [
      { day: 'fri', timezone: 'Asia/Tokyo' },
      { day: 'fri', time: '09:00', timeZone: 'Asia/Tokyo' },
    ],
    [
      { time: '10:00', timezone: 'America/New_York' },
      { day: 'mon', time: '10:00', timeZone: 'America/New_York' },
    ],
    [
      { day: 'sun', time: '07:45', timezone: 'Australia/Sydney' },
      { day: 'sun', time: '07:45', timeZone: 'Australia/Sydney' },
    ],
  ])('%o subscribes %o', async (options, expected) => {
    const text = await subscribe(options);
    expect(text).toContain('Weekly tips on');
    expect(await schedule()).toEqual(expected);
  });

  it('reads a bad zone as a zone: "Berlin" is refused with a hint such as Europe/Berlin, the day is kept apart', async () => {
    const text = await subscribe({ day: 'fri', timezone: 'Berlin' });
    expect(text).toMatch(/\\"Berlin\\" is not an IANA time zone/);
    expect(text).toContain('Europe/Berlin');
    expect(text).not.toMatch(/as the day/);
    expect(await schedule()).toBeUndefined();
  });

  it('reads a bad time as a time: "noon" is not a time of day (not "not a day of the week")', async () => {
    const text = await subscribe({ time: 'noon' });
    expect(text).toMatch(/\\"noon\\" is not a time of day/);
    expect(text).not.toMatch(/day of the week/);
    expect(await schedule()).toBeUndefined();
  });

  it('shows examples and hints in Discord syntax only', async () => {
    const errors = await subscribe({ time: '25:00' });
    expect(errors).toContain('/tips subscribe day:monday time:09:00 timezone:Europe/Berlin');
    const done = await subscribe({ day: 'tue' });
    expect(done).toContain('/tips subscribe day:friday time:14:30');
    expect(done).toMatch(/can't tell the server's zone/);
    const paused = JSON.stringify(
      (await h.interact(tipsCommand('pause', {}, { permissions: ADMIN_PERMISSIONS }))).body.data.embeds,
    );
    expect(paused).toContain('/tips resume');
    for (const text of [errors, done, paused]) expect(text).not.toContain('/career tips');
  });
});
