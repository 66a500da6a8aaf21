import type { Role } from '../content/types.js';
import { correctWords } from './correct-words.js';
import type { SectionId } from '../sections.js';
import { detectSection } from '../understand/understand.js';
import type { QuestionReader } from '../understand/question-reader.js';
import { SALARY_CUE, STRONG_SALARY_CUE } from '../understand/words.js';

/** "What about X?" asks the same of X: its "about" is not a request for an overview. */
const CONTINUING = /\b(what|how) about\b/g;

/** The topic a message asks about, read apart from the role names in it. */
export interface Topic {
  /** The section asked for (`salary` for pay), or null when none was. */
  section: SectionId | null;
  /** Whether the person asked for that topic themselves, rather than by default. */
  explicit: boolean;
}

/**
 * Role titles hold topic words ("Language AI Engineer" says "language", a
 * skills cue), so the words of the roles named are taken out first. "About"
 * alone asks for an overview, except in "what about X?", which continues the
 * topic already under discussion.
 */
export function topicOf(reader: QuestionReader, norm: string, named: readonly Role[]): Topic {
  // Typos corrected as the single-question reader does ("responsibilites").
  const words = correctWords(reader, norm.split(' ').filter(Boolean));
  const text = (named.length ? stripNames(reader, words) : words.join(' ')).replace(CONTINUING, ' ');
  const cue = detectSection(text);
  if (STRONG_SALARY_CUE.test(text) || (SALARY_CUE.test(text) && (!cue || cue.weight <= 1)))
    return { section: 'salary', explicit: true };
  if (!cue) return { section: null, explicit: false };
  return { section: cue.id, explicit: true };
}

function stripNames(reader: QuestionReader, words: readonly string[]): string {
  return words.filter((w) => !reader.index.nameWords.has(w)).join(' ');
}
