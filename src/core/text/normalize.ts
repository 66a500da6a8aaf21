/** Longest input the matcher reads; the rest of a 20,000-character paste is noise. */
export const MAX_QUESTION_CHARS = 500;

const LEADING_MENTIONS = /^\s*(?:(?:<@[!&]?[A-Za-z0-9]+(?:\|[^>]*)?>|@[\w.-]+)[\s,:]*)+/u;
const ANY_MENTION = /<[@#!][^>]*>/g;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu;

/** Removes a leading Slack/Discord mention of the bot, e.g. `<@U123> ...`. */
export function stripLeadingMention(text: string): string {
  return text.replace(LEADING_MENTIONS, '');
}

/**
 * Lower-cased words only, single-spaced: what the matcher compares. Control
 * and zero-width characters vanish (they would split or hide words), any other
 * script is kept, so "Ingeniero" or "工程师" stay words rather than turning into
 * nothing.
 */
export function normalizeText(text: string, limit = MAX_QUESTION_CHARS): string {
  return (
    stripLeadingMention(limit === Infinity ? text : text.slice(0, limit * 4))
      .replace(ANY_MENTION, ' ')
      .normalize('NFKC')
      // Control characters (NUL included) separate words, as tabs and newlines do:
      // "ml\0systems" is two words. Zero-width and format characters vanish.
      .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
      .replace(INVISIBLE, '')
      .toLowerCase()
      .replace(/[’'`]/g, '')
      .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
      .replace(/(^|\s)[+#]+(?=\s|$)/g, ' ')
      .trim()
      .slice(0, limit)
      .trim()
  );
}

export function tokenize(text: string): string[] {
  const norm = normalizeText(text);
  return norm ? norm.split(' ') : [];
}
