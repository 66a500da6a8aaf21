import { canonicalTimeZone, isValidTimeZone } from './zoned-time.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const FULL_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const WEEKDAY_NAMES = Object.fromEntries(WEEKDAYS.map((d, i) => [d, FULL_NAMES[i]!])) as Record<Weekday, string>;

/** When a channel gets its weekly tip: a weekday and a wall-clock time in an IANA zone. */
export interface WeeklySchedule {
  day: Weekday;
  /** `HH:MM`, 24-hour. */
  time: string;
  timeZone: string;
}

export const DEFAULT_DAY: Weekday = 'mon';
export const DEFAULT_TIME = '09:00';
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** `mon`, `Monday`, `MON.`, `tues` → `mon`; anything else is not a day. */
export function parseDay(text: string): Weekday | null {
  const t = text.trim().toLowerCase().replace(/\.$/, '');
  if (t.length < 2) return null;
  const i = FULL_NAMES.findIndex((name) => name.toLowerCase().startsWith(t) && t.length >= 3);
  return i >= 0 ? (WEEKDAYS[i] ?? null) : null;
}

/** `9:00`, `09:00`, `17:30`, `9am`, `5:30pm` → `HH:MM`; null when it is not a valid time of day. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3]?.toLowerCase();
  if (m[2] === undefined && !meridiem) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** An IANA zone in its canonical spelling, or null. `UTC` and `Etc/GMT+5` count; abbreviations like `PST` do not. */
export function parseTimeZone(text: string): string | null {
  const t = text.trim();
  // Intl accepts some legacy abbreviations (EST, PST8PDT); admins mean a place.
  if (!/^(UTC|GMT|Etc\/[\w+-]+|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/i.test(t)) return null;
  return isValidTimeZone(t) ? canonicalTimeZone(t) : null;
}

export interface ScheduleInput {
  day?: string | undefined;
  time?: string | undefined;
  timeZone?: string | undefined;
}

/**
 * Builds a schedule from what an admin typed, filling gaps with Monday 09:00
 * in `fallbackZone`. Each field is read as what it is named, never guessed by
 * shape. Errors name the bad part and show `example`, written the way the
 * asker's surface writes the command (the CLI shows its own flags).
 */
export function parseSchedule(input: ScheduleInput, fallbackZone: string, example: string): Parsed<WeeklySchedule> {
  const day = input.day === undefined ? DEFAULT_DAY : parseDay(input.day);
  if (!day)
    return {
      ok: false,
      error: `"${input.day}" is not a day of the week. Use mon..sun or the full name, e.g. ${example}`,
    };
  const time = input.time === undefined ? DEFAULT_TIME : parseTime(input.time);
  if (!time)
    return {
      ok: false,
      error: `"${input.time}" is not a time of day. Use 24-hour HH:MM such as 09:00 or 17:30, e.g. ${example}`,
    };
  const timeZone = input.timeZone === undefined ? fallbackZone : parseTimeZone(input.timeZone);
  if (!timeZone) {
    return {
      ok: false,
      error:
        `"${input.timeZone}" is not an IANA time zone. ` +
        `Use a name like Europe/Berlin, America/New_York or UTC, e.g. ${example}`,
    };
  }
  return { ok: true, value: { day, time, timeZone } };
}

/**
 * Splits free-form `[day] [time] [timezone]` words by their shape, so the
 * order does not matter. Only for typed text (Slack, the console): platforms
 * with named options pass them as fields. Two words for one field is an error
 * that shows `example`.
 */
export function splitScheduleWords(words: readonly string[], example: string): Parsed<ScheduleInput> {
  const input: ScheduleInput = {};
  for (const word of words) {
    const slot: keyof ScheduleInput = parseDay(word)
      ? 'day'
      : /^\d/.test(word)
        ? 'time'
        : /[/_]|^(utc|gmt)$/i.test(word)
          ? 'timeZone'
          : /^[a-z]{2,9}\.?$/i.test(word) && !/^[A-Z]{3,5}$/.test(word)
            ? 'day'
            : 'timeZone';
    if (input[slot] !== undefined)
      return {
        ok: false,
        error:
          `I read both "${input[slot]}" and "${word}" as the ${slot === 'timeZone' ? 'time zone' : slot}. ` +
          `Try e.g. ${example}`,
      };
    input[slot] = word;
  }
  return { ok: true, value: input };
}

/**
 * Why a stored schedule cannot be used (an unknown zone, a day or time not in
 * our format), or null when it is fine. Parsing never makes such a schedule;
 * this guards the store against callers that skip parsing, and rows written
 * by hand or by a runtime whose zone data differed.
 */
export function scheduleProblem(s: WeeklySchedule): string | null {
  if (!(WEEKDAYS as readonly string[]).includes(s.day)) return `"${s.day}" is not a day (mon..sun)`;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.time)) return `"${s.time}" is not a time of day (HH:MM)`;
  if (!isValidTimeZone(s.timeZone)) return `"${s.timeZone}" is not a time zone this runtime knows`;
  return null;
}

export function describeSchedule(s: WeeklySchedule): string {
  return `every ${WEEKDAY_NAMES[s.day]} at ${s.time} (${s.timeZone})`;
}
