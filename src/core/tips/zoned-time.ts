/**
 * Wall-clock arithmetic in IANA time zones through Intl only (no tz database
 * of our own), so daylight-saving rules come from the runtime's ICU data.
 */

/** A calendar date and time of day as a clock on the wall shows it. */
export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Intl formatters of one locale and options, one per zone: building one is slow, and zones are few. */
export function zoneFormatters(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): (timeZone: string) => Intl.DateTimeFormat {
  const byZone = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let f = byZone.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      byZone.set(timeZone, f);
    }
    return f;
  };
}

const formatter = zoneFormatters('en-US', {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** True for a zone name the runtime knows (`Europe/Berlin`, `UTC`); false for `CEST`-like guesses it rejects. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * A valid zone as people write it: the admin's own spelling when it has
 * capitals (ICU would turn `Asia/Kolkata` into the legacy `Asia/Calcutta`),
 * else the runtime's listed spelling, else each word capitalised.
 */
export function canonicalTimeZone(zone: string): string {
  if (/^(utc|gmt)$/i.test(zone)) return zone.toUpperCase();
  if (zone !== zone.toLowerCase()) return zone;
  const listed = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === zone);
  return listed ?? zone.replace(/(^|[/_-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** Wall time (to the second, seconds dropped) of an instant in a zone. */
export function wallTimeAt(instantMs: number, timeZone: string): WallTime & { second: number } {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
export function offsetAt(instantMs: number, timeZone: string): number {
  const w = wallTimeAt(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The instant a wall time happens in a zone. Like Temporal's "compatible"
 * disambiguation: a time skipped by a spring-forward change moves later by the
 * gap (02:30 → 03:30), and a time repeated by a fall-back change takes its
 * first occurrence.
 */
export function zonedToInstant(wall: WallTime, timeZone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = offsetAt(naive - DAY_MS, timeZone);
  const after = offsetAt(naive + DAY_MS, timeZone);
  const candidates = [...new Set([naive - before, naive - after])]
    .filter((t) => offsetAt(t, timeZone) === naive - t)
    .sort((a, b) => a - b);
  // No candidate reads back as the wall time: it falls in a gap; the offset
  // in force before the change carries it past the gap.
  return candidates[0] ?? naive - before;
}

/** Adds days to a calendar date (no zone involved). */
export function addDays(
  date: Pick<WallTime, 'year' | 'month' | 'day'>,
  days: number,
): Pick<WallTime, 'year' | 'month' | 'day'> {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: Pick<WallTime, 'year' | 'month' | 'day'>): number {
  const dow = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** ISO-8601 week of a calendar date, as `2025-W03` (the ISO year may differ from the calendar year). */
export function isoWeekKey(date: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / (7 * DAY_MS)) + 1;
  return `${thursday.year}-W${String(week).padStart(2, '0')}`;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * A strict ISO-8601 instant: a full date, a time, and `Z` or a `±hh:mm`
 * offset (`2025-03-10T09:00:00Z`, `2025-03-10T10:00+01:00`). Refuses what
 * `new Date()` would guess at: no offset (local time of whichever machine),
 * impossible dates (`2025-02-30`), trailing text. Null when it is not one.
 */
export function parseIsoInstant(text: string): Date | null {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  const check = new Date(wall);
  // Date.UTC rolls 30 Feb over into March; a real date reads back unchanged.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  let offsetMinutes = 0;
  if (m[8]!.toUpperCase() !== 'Z') {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return new Date(wall - offsetMinutes * 60_000);
}
