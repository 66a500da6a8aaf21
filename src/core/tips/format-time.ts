import { zoneFormatters } from './zoned-time.js';

const formatter = zoneFormatters('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** `Mon 10 Mar 2025, 09:00 CET`: an instant as the channel's clock shows it. */
export function formatInZone(instantMs: number, timeZone: string): string {
  // Assembled from parts: ICU versions differ in the commas they put between them.
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
  return `${date}, ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}
