/**
 * Cutting text to a platform's limits, written once. Lengths are UTF-16 code
 * units, which never undercount what Slack or Discord count. What must not be
 * cut apart (a surrogate pair, an entity, a markdown escape) is the platform's
 * own `safeCut`; where to prefer breaking is a parameter.
 */
export interface CutRules {
  /** The largest cut point ≤ `at` that leaves the platform's markup whole (at least 1 for non-empty text). */
  safeCut(text: string, at: number): number;
  /** Break after a sentence (`. ` or `; `) before falling back to a space. */
  sentences?: boolean;
  /** A space is taken only this far into the window (0 to 1); before that, a hard safe cut. */
  spaceFrom?: number;
  /** Drop spaces before the ellipsis of a clipped text. */
  trimClipped?: boolean;
}

export const ELLIPSIS = '…';

/** Cuts `text` to at most `max` units, ending in an ellipsis when cut. */
export function clipText(text: string, max: number, rules: CutRules): string {
  if (text.length <= max) return text;
  const head = text.slice(0, rules.safeCut(text, Math.max(0, max - ELLIPSIS.length)));
  return `${rules.trimClipped ? head.trimEnd() : head}${ELLIPSIS}`;
}

/**
 * Splits text into pieces of at most `max` units: at a line break in the
 * second half of the window, else (when asked) after a sentence there, else
 * at a space, else a hard safe cut.
 */
export function splitText(text: string, max: number, rules: CutRules): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let at = window.lastIndexOf('\n');
    if (at < max / 2 && rules.sentences) at = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; ')) + 1;
    if (at < max / 2) at = window.lastIndexOf(' ');
    if (at <= 0 || at < max * (rules.spaceFrom ?? 0)) at = rules.safeCut(rest, max);
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** True when the code unit before `at` opens a surrogate pair. */
export function splitsPair(text: string, at: number): boolean {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff;
}
