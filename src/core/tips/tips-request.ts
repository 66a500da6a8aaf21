import { EXAMPLE_SCHEDULE, type Surface } from '../surface.js';
import { splitScheduleWords, type ScheduleInput } from './schedule.js';

export const TIPS_SUBCOMMANDS = ['subscribe', 'unsubscribe', 'status', 'preview', 'pause', 'resume', 'skip'] as const;
export type TipsSubcommand = (typeof TIPS_SUBCOMMANDS)[number];

/**
 * A weekly-tips command as the tips handler receives it: the subcommand and
 * its fields already typed. `unreadable` holds why typed schedule words could
 * not be split into fields; `help` with `unknown` is a subcommand we lack.
 */
export type TipsCommand =
  | { sub: 'subscribe'; schedule: ScheduleInput }
  | { sub: 'subscribe'; unreadable: string }
  | { sub: Exclude<TipsSubcommand, 'subscribe'> }
  | { sub: 'help'; unknown?: string };

export function isTipsSubcommand(word: string): word is TipsSubcommand {
  return (TIPS_SUBCOMMANDS as readonly string[]).includes(word);
}

/**
 * Reads typed command text (`tips subscribe fri 14:30`, as Slack's and the
 * console's `/career` carry it) once, at the edge: null when the text is not
 * a tips command, else its typed form. Errors show `surface`'s own example.
 */
export function readTipsText(text: string, surface: Surface): TipsCommand | null {
  const m = /^\s*tips\b\s*(.*)$/is.exec(text);
  if (!m) return null;
  const [word, ...rest] = (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
  const sub = (word ?? 'help').toLowerCase();
  if (sub === 'help') return { sub: 'help' };
  if (!isTipsSubcommand(sub)) return { sub: 'help', unknown: word! };
  if (sub !== 'subscribe') return { sub };
  const split = splitScheduleWords(rest, surface.tips('subscribe', EXAMPLE_SCHEDULE));
  return split.ok ? { sub, schedule: split.value } : { sub, unreadable: split.error };
}
