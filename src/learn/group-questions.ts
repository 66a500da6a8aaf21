import { stem } from '../core/understand/canonical.js';
import { STOPWORDS } from '../core/understand/words.js';

export interface QuestionGroup {
  /** The group's most frequent wording. */
  text: string;
  count: number;
  reason: string;
  /** Other wordings counted in the group, most frequent first. */
  variants: string[];
}

/** Word sets at least this alike (Jaccard) are one question asked in different words. */
const ALIKE = 0.75;

/**
 * Groups near-duplicate questions: the same content words, stemmed, whatever
 * the filler ("what does a X do" and "what do X do?"), or sets nearly alike.
 * Input is most frequent first, so each group is headed by its commonest form.
 */
export function groupQuestions(rows: readonly { text: string; reason: string; count: number }[]): QuestionGroup[] {
  const groups: { group: QuestionGroup; words: Set<string> }[] = [];
  for (const row of rows) {
    const words = contentWords(row.text);
    const home = groups.find((g) => g.group.reason === row.reason && alike(g.words, words));
    if (home) {
      home.group.count += row.count;
      home.group.variants.push(row.text);
    } else {
      groups.push({ group: { text: row.text, count: row.count, reason: row.reason, variants: [] }, words });
    }
  }
  return groups.map((g) => g.group).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

function contentWords(text: string): Set<string> {
  const words = text.split(' ').filter((w) => w && !STOPWORDS.has(w));
  return new Set((words.length ? words : text.split(' ')).map((w) => (w.startsWith('<') ? w : stem(w))));
}

function alike(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 || shared / union >= ALIKE;
}
