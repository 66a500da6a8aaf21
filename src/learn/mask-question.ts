import { normalizeText, stripLeadingMention } from '../core/text/normalize.js';

// Sentinels made of letters survive normalisation as single words; they are
// turned into the visible placeholders afterwards.
const MASKS: readonly { pattern: RegExp; word: string; shown: string }[] = [
  { pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, word: 'qqemailqq', shown: '<email>' },
  // Platform mentions (<@U1>, <@!1>, <#C1|name>, <!here>) and plain @handles.
  { pattern: /<[@#!][^>]*>|(?<![\p{L}\p{N}])@[\p{L}\p{N}._-]+/gu, word: 'qqmentionqq', shown: '<mention>' },
  // A phone number: 8+ digits with the usual separators, optionally a leading +.
  { pattern: /(?<![\p{L}\p{N}])\+?\d(?:[\s().-]*\d){7,}(?![\p{L}\p{N}])/gu, word: 'qqphoneqq', shown: '<phone>' },
  // Any other run of 5 or more digits (ids, account or card numbers); years stay.
  { pattern: /\d{5,}/g, word: 'qqnumberqq', shown: '<number>' },
];
const UNMASK = new RegExp(MASKS.map((m) => m.word).join('|'), 'g');
const SHOWN = new Map(MASKS.map((m) => [m.word, m.shown]));

/**
 * A question as the log keeps it: normalised as the matcher reads it (lower
 * case, words only), with e-mail addresses, mentions, phone numbers and long
 * digit runs replaced by placeholders. The bot's own leading mention goes.
 */
export function maskQuestion(text: string): string {
  let masked = stripLeadingMention(text);
  for (const m of MASKS) masked = masked.replace(m.pattern, ` ${m.word} `);
  return normalizeText(masked).replace(UNMASK, (w) => SHOWN.get(w)!);
}

const ROLE_NOUNS =
  'engineer|developer|scientist|analyst|designer|architect|manager|administrator|specialist|researcher|' +
  'consultant|programmer|technician|officer|strategist|writer|tester|lead|sme';
const ROLE_NAME = new RegExp(`((?:[\\p{L}\\p{N}+#]+ ){0,3}(?:${ROLE_NOUNS}))s?\\b`, 'u');
const LEADING_FILLER = new RegExp(
  '^(?:(?:what|whats|how|does|do|is|are|a|an|the|about|tell|me|become|becoming|be|to|i|want|as|much|can|' +
    'you|for|of|job|role|career|in|like|being|senior|junior|entry|mid|level)\\s)+',
);

/** The role name an unknown question asks about ("blockchain developer"), or null. */
export function unknownRoleName(maskedText: string): string | null {
  const m = ROLE_NAME.exec(maskedText);
  if (!m) return null;
  const name = m[1]!.replace(LEADING_FILLER, '').trim();
  return name.includes(' ') || name.length > 4 ? name : null;
}
