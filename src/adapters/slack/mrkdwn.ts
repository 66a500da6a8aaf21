/**
 * Text for Slack: the three control characters escaped everywhere, our plain
 * text made inert in mrkdwn, and cutting that never splits an entity or a
 * surrogate pair. Lengths are UTF-16 code units, which never undercount what
 * Slack counts.
 */

import { clipText, splitText as splitCut, splitsPair, type CutRules } from '../shared/split-text.js';

const ZERO_WIDTH_SPACE = '\u200b';

/** `&`, `<`, `>` as entities: `<!channel>` and `<@U1>` then show, never ping. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack escapes those three in the text it sends us; the core wants what the user typed. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Plain text as mrkdwn that reads the same: escaped, and with a zero-width
 * space after `*`, `_`, `~` and backticks that could open or close formatting
 * (mrkdwn has no backslash escape). Underscores inside words never format, so
 * `snake_case` stays copyable.
 */
export function plainToMrkdwn(text: string): string {
  return escapeSlack(text).replace(/[*~`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (m) => `${m}${ZERO_WIDTH_SPACE}`);
}

/** Bold label in mrkdwn from plain text. */
export function bold(text: string): string {
  return `*${plainToMrkdwn(text)}*`;
}

/** Entities (`&amp;`) and surrogate pairs stay whole; sentences are preferred breaks. */
const SLACK_CUTS: CutRules = { safeCut, sentences: true };

/**
 * Cuts already-escaped text to at most `max` code units, ending with `…` when
 * cut. Never leaves half an entity (`&am`) or half a surrogate pair.
 */
export function clip(escaped: string, max: number): string {
  return clipText(escaped, max, SLACK_CUTS);
}

/** Escapes then clips: for plain_text objects (header, buttons). */
export function plainText(text: string, max: number): string {
  return clip(escapeSlack(text.replace(/\s+/g, ' ').trim()), max);
}

/**
 * Splits escaped text into pieces of at most `max` code units, preferring line
 * breaks, then sentence ends, then spaces; a run with no break is cut safely.
 */
export function splitText(escaped: string, max: number): string[] {
  return splitCut(escaped, max, SLACK_CUTS);
}

function safeCut(text: string, at: number): number {
  let end = Math.min(at, text.length);
  const amp = text.lastIndexOf('&', end - 1);
  if (amp >= 0 && amp > end - 5 && !text.slice(amp, end).includes(';')) end = amp;
  if (splitsPair(text, end)) end -= 1;
  return end;
}
