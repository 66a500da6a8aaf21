import { WEEKDAYS, type WeeklySchedule } from './schedule.js';
import { addDays, isoWeekKey, isoWeekday, wallTimeAt, zonedToInstant, type WallTime } from './zoned-time.js';

/**
 * One weekly occurrence of a channel's schedule. `key` is the ISO week of the
 * local date (`2025-W11`): the delivery ledger is unique per channel and key,
 * so a channel gets at most one tip per week even if its schedule changes
 * mid-week.
 */
export interface Slot {
  key: string;
  /** The instant, epoch milliseconds. */
  at: number;
  /** The local calendar date, `YYYY-MM-DD`. */
  date: string;
}

type CalendarDate = Pick<WallTime, 'year' | 'month' | 'day'>;

const pad = (n: number) => String(n).padStart(2, '0');

function slotOn(schedule: WeeklySchedule, date: CalendarDate): Slot {
  const [hour = 0, minute = 0] = schedule.time.split(':').map(Number);
  return {
    key: isoWeekKey(date),
    at: zonedToInstant({ ...date, hour, minute }, schedule.timeZone),
    date: `${date.year}-${pad(date.month)}-${pad(date.day)}`,
  };
}

function dateOf(slot: Slot): CalendarDate {
  const [year = 0, month = 0, day = 0] = slot.date.split('-').map(Number);
  return { year, month, day };
}

/** The latest slot at or before an instant: the one that is "current" then. */
export function slotAtOrBefore(schedule: WeeklySchedule, instantMs: number): Slot {
  const wall = wallTimeAt(instantMs, schedule.timeZone);
  const target = WEEKDAYS.indexOf(schedule.day) + 1;
  const date = addDays(wall, -((isoWeekday(wall) - target + 7) % 7));
  const slot = slotOn(schedule, date);
  return slot.at <= instantMs ? slot : slotOn(schedule, addDays(date, -7));
}

/** The slot one week after `slot`, at the same local time (DST-aware). */
export function followingSlot(schedule: WeeklySchedule, slot: Slot): Slot {
  return slotOn(schedule, addDays(dateOf(slot), 7));
}

/** The first slot at or after an instant: a subscription made then is first due at it. */
export function firstSlotFrom(schedule: WeeklySchedule, instantMs: number): Slot {
  const latest = slotAtOrBefore(schedule, instantMs);
  return latest.at === instantMs ? latest : followingSlot(schedule, latest);
}

/** What a run does with a channel whose pending slot is `pending`. */
export type DuePlan =
  | { kind: 'wait'; until: Slot }
  /** Post `slot` (the current week's); `missed` older slots passed while nobody ran and are dropped. */
  | { kind: 'due'; slot: Slot; next: Slot; missed: number };

/**
 * A slot is due from its time until the channel's next slot. Only the
 * current one can be due: slots missed in earlier weeks are dropped rather
 * than posted in a burst, and the pending slot never precedes the
 * subscription (or its resumption), so older slots are never due.
 */
export function planDue(schedule: WeeklySchedule, pending: Slot, nowMs: number): DuePlan {
  if (nowMs < pending.at) return { kind: 'wait', until: pending };
  const latest = slotAtOrBefore(schedule, nowMs);
  const slot = latest.at >= pending.at ? latest : pending;
  const missed = Math.max(0, Math.round((slot.at - pending.at) / (7 * 24 * 3600 * 1000)));
  return { kind: 'due', slot, next: followingSlot(schedule, slot), missed };
}
