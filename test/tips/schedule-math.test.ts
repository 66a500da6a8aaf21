import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import { EXAMPLE_SCHEDULE } from '../../src/core/surface.js';
import { describe, expect, it } from 'vitest';
import {
  parseDay,
  parseSchedule,
  parseTime,
  parseTimeZone,
  splitScheduleWords,
  type WeeklySchedule,
} from '../../src/core/tips/schedule.js';
import { firstSlotFrom, followingSlot, planDue, slotAtOrBefore } from '../../src/core/tips/slots.js';
import { isoWeekKey, zonedToInstant } from '../../src/core/tips/zoned-time.js';

const iso = (ms: number) => new Date(ms).toISOString();
const t = (s: string) => Date.parse(s);
const sched = (day: WeeklySchedule['day'], time: string, timeZone: string): WeeklySchedule => ({ day, time, timeZone });

describe('slot instants across zones and daylight-saving changes', () => {
  it.each([
    // zone, day, time, an instant in the week, the slot's UTC instant
    ['Europe/Berlin', 'mon', '09:00', '2025-03-26T12:00:00Z', '2025-03-24T08:00:00.000Z'], // CET
    ['Europe/Berlin', 'mon', '09:00', '2025-04-02T12:00:00Z', '2025-03-31T07:00:00.000Z'], // CEST, the week after the change
    ['America/New_York', 'mon', '09:00', '2025-03-05T12:00:00Z', '2025-03-03T14:00:00.000Z'], // EST
    ['America/New_York', 'mon', '09:00', '2025-03-12T12:00:00Z', '2025-03-10T13:00:00.000Z'], // EDT, the day after the change
    ['America/New_York', 'sun', '02:30', '2025-03-09T12:00:00Z', '2025-03-09T07:30:00.000Z'], // 02:30 does not exist: 03:30 EDT
    ['America/New_York', 'sun', '01:30', '2025-11-02T12:00:00Z', '2025-11-02T05:30:00.000Z'], // 01:30 happens twice: the first
    ['Australia/Sydney', 'sun', '09:00', '2025-04-06T12:00:00Z', '2025-04-05T23:00:00.000Z'], // AEST after the April change
    ['Australia/Sydney', 'sun', '09:00', '2025-04-01T12:00:00Z', '2025-03-29T22:00:00.000Z'], // AEDT the week before
    ['Asia/Kolkata', 'fri', '17:30', '2025-03-08T00:00:00Z', '2025-03-07T12:00:00.000Z'], // +05:30, no DST
    ['Pacific/Chatham', 'mon', '09:00', '2025-01-08T00:00:00Z', '2025-01-05T19:15:00.000Z'], // +13:45
    ['UTC', 'wed', '00:00', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000Z'], // exactly at the slot
  ])('%s %s %s: the slot current at %s is %s', (zone, day, time, now, expected) => {
    expect(iso(slotAtOrBefore(sched(day as WeeklySchedule['day'], time, zone), t(now)).at)).toBe(expected);
  });

  it('steps week by week through a DST change keeping the local time', () => {
    const s = sched('mon', '09:00', 'Europe/Berlin');
    let slot = firstSlotFrom(s, t('2025-03-17T00:00:00Z'));
    const seen = [iso(slot.at)];
    for (let i = 0; i < 3; i++) seen.push(iso((slot = followingSlot(s, slot)).at));
    expect(seen).toEqual([
      '2025-03-17T08:00:00.000Z',
      '2025-03-24T08:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
      '2025-04-07T07:00:00.000Z',
    ]);
  });

  it('names slots by the ISO week of the local date', () => {
    expect(isoWeekKey({ year: 2024, month: 12, day: 30 })).toBe('2025-W01');
    expect(isoWeekKey({ year: 2021, month: 1, day: 3 })).toBe('2020-W53');
    expect(slotAtOrBefore(sched('sun', '23:30', 'America/Los_Angeles'), t('2025-03-17T12:00:00Z')).key).toBe(
      '2025-W11',
    );
  });

  it('is not due a millisecond early and is due at the slot', () => {
    const s = sched('mon', '09:00', 'Europe/Berlin');
    const slot = firstSlotFrom(s, t('2025-03-20T00:00:00Z'));
    expect(planDue(s, slot, slot.at - 1).kind).toBe('wait');
    expect(planDue(s, slot, slot.at)).toMatchObject({ kind: 'due', slot: { key: slot.key }, missed: 0 });
  });

  it('stays due until the next slot, then only the new week is due', () => {
    const s = sched('mon', '09:00', 'UTC');
    const slot = firstSlotFrom(s, t('2025-03-01T00:00:00Z')); // Mon 3 Mar
    expect(planDue(s, slot, t('2025-03-09T23:59:00Z'))).toMatchObject({
      kind: 'due',
      slot: { date: '2025-03-03' },
      missed: 0,
    });
    expect(planDue(s, slot, t('2025-03-10T09:00:00Z'))).toMatchObject({
      kind: 'due',
      slot: { date: '2025-03-10' },
      missed: 1,
    });
    expect(planDue(s, slot, t('2025-03-26T00:00:00Z'))).toMatchObject({
      kind: 'due',
      slot: { date: '2025-03-24' },
      missed: 3,
      next: { date: '2025-03-31' },
    });
  });

  it('never makes a slot before the subscription due', () => {
    const s = sched('mon', '09:00', 'UTC');
    expect(firstSlotFrom(s, t('2025-03-03T09:00:01Z')).date).toBe('2025-03-10');
    expect(firstSlotFrom(s, t('2025-03-03T09:00:00Z')).date).toBe('2025-03-03');
  });

  it('converts a wall time in a gap by moving it past the gap', () => {
    expect(iso(zonedToInstant({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe(
      '2025-03-30T01:30:00.000Z',
    );
  });
});

describe('reading what an admin typed', () => {
  it.each([
    ['mon', 'mon'],
    ['Monday', 'mon'],
    ['TUES', 'tue'],
    ['thu.', 'thu'],
    ['sunday', 'sun'],
    ['mo', null],
    ['someday', null],
  ])('day %s → %s', (text, day) => expect(parseDay(text)).toBe(day));

  it.each([
    ['09:00', '09:00'],
    ['9:05', '09:05'],
    ['17:30', '17:30'],
    ['9am', '09:00'],
    ['12am', '00:00'],
    ['5:30pm', '17:30'],
    ['24:00', null],
    ['9', null],
    ['13pm', null],
    ['09:60', null],
  ])('time %s → %s', (text, time) => expect(parseTime(text)).toBe(time));

  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Mars/Olympus', null],
    ['PST', null],
    ['CEST', null],
  ])('zone %s → %s', (text, zone) => expect(parseTimeZone(text)).toBe(zone));

  it('reads the words in any order and fills defaults', () => {
    const split = splitScheduleWords(['Europe/Paris', '10:15', 'friday'], EXAMPLE);
    expect(split.ok && parseSchedule(split.value, 'UTC', EXAMPLE)).toEqual({
      ok: true,
      value: { day: 'fri', time: '10:15', timeZone: 'Europe/Paris' },
    });
    expect(parseSchedule({}, 'Asia/Tokyo', EXAMPLE)).toEqual({
      ok: true,
      value: { day: 'mon', time: '09:00', timeZone: 'Asia/Tokyo' },
    });
  });

  // The example each error shows, as the asker's surface writes it (here Slack's).
  const EXAMPLE = slackSurface.tips('subscribe', EXAMPLE_SCHEDULE);

  it('explains a bad part with an example', () => {
    for (const words of [['funday'], ['25:00'], ['Mars/Base'], ['mon', 'tue']]) {
      const split = splitScheduleWords(words, EXAMPLE);
      const result = split.ok ? parseSchedule(split.value, 'UTC', EXAMPLE) : split;
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/e\.g\. \/career tips subscribe monday 09:00 Europe\/Berlin/);
    }
  });
});
