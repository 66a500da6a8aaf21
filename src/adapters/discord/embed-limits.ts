import { clipText, splitText as splitCut, splitsPair, type CutRules } from '../shared/split-text.js';

/**
 * Discord's message limits, counted in UTF-16 code units (never fewer than
 * the characters Discord counts, so staying under them is always safe).
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer text and author name together. */
  total: 6000,
  content: 2000,
  rows: 5,
  buttonsPerRow: 5,
  label: 80,
  customId: 100,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
} as const;

/** Discord's markdown escape (`\*`) and surrogate pairs stay whole; a space is a break only past half the window. */
const DISCORD_CUTS: CutRules = { safeCut, spaceFrom: 0.5, trimClipped: true };

/** Cuts `text` to at most `max` units, ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return clipText(text, max, DISCORD_CUTS);
}

/** Splits trimmed text into chunks of at most `max` units, at a line break or space where one is near the end. */
export function splitText(text: string, max: number): string[] {
  return splitCut(text.trim(), max, DISCORD_CUTS);
}

/** The largest cut point ≤ max that splits neither a surrogate pair nor a markdown escape (`\*`). */
function safeCut(text: string, max: number): number {
  let cut = max;
  if (splitsPair(text, cut)) cut -= 1;
  while (cut > 0 && text[cut - 1] === '\\') cut -= 1;
  return Math.max(1, cut);
}
