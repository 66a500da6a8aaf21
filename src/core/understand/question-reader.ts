import type { Content } from '../content/types.js';
import { stem } from './canonical.js';
import { LocationFinder } from './locations.js';
import { RoleIndex } from './role-index.js';
import { TypoCorrector } from './typo-corrector.js';
import { STOPWORDS, TOPIC_WORDS } from './words.js';

/** Everything built once from the content that reading a question needs. */
export interface QuestionReader {
  index: RoleIndex;
  corrector: TypoCorrector;
  locations: LocationFinder;
  isKnown(word: string): boolean;
}

export function createQuestionReader(content: Content): QuestionReader {
  const index = new RoleIndex(content.roles);
  const locations = new LocationFinder(content.roles);
  const vocabulary = new Set([...index.nameWords, ...TOPIC_WORDS, ...locations.words()]);
  const known = new Set([...vocabulary, ...index.contentWords, ...STOPWORDS]);
  return {
    index,
    locations,
    corrector: new TypoCorrector(vocabulary),
    isKnown: (w) => known.has(w) || known.has(stem(w)) || /\d/.test(w),
  };
}
