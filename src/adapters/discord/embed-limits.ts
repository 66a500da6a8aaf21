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

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` units, ending in an ellipsis when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1)).trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits text into chunks of at most `max` units: at a line break if one is
 * in the second half of the window, else at a space, else hard.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = safeCut(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/** The largest cut point ≤ max that splits neither a surrogate pair nor a markdown escape (`\*`). */
function safeCut(text: string, max: number): number {
  let cut = max;
  const before = text.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) cut -= 1;
  while (cut > 0 && text[cut - 1] === '\\') cut -= 1;
  return Math.max(1, cut);
}
