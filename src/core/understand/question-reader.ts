import type { Content } from '../content/types.js';
import { stem } from './canonical.js';
import { englishWords } from './english-words.js';
import { LocationFinder } from './locations.js';
import { RoleIndex } from './role-index.js';
import { TypoCorrector, type NearWord } from './typo-corrector.js';
import { HELP_FILLER, LIST_FILLER, STOPWORDS, TOPIC_WORDS } from './words.js';

/** Everything built once from the content that reading a question needs. */
export interface QuestionReader {
  index: RoleIndex;
  locations: LocationFinder;
  isKnown(word: string): boolean;
  /** The word meant, or null; see `createQuestionReader`. */
  correct(word: string): string | null;
  /** Title and alias words one plausible slip from a word, nearest first. */
  nearNames(word: string): NearWord[];
  isEnglish(word: string): boolean;
}

export function createQuestionReader(content: Content): QuestionReader {
  const index = new RoleIndex(content.roles);
  const locations = new LocationFinder(content.roles);
  // Cue words too, so "waht roles do you have" and "hlep" still ask for the list and help.
  const cueWords = [...STOPWORDS, ...HELP_FILLER, ...LIST_FILLER].filter((w) => w.length >= 4);
  const vocabulary = new Set([...index.nameWords, ...TOPIC_WORDS, ...locations.words(), ...cueWords]);
  const known = new Set([...vocabulary, ...index.contentWords, ...STOPWORDS]);
  const anyWord = new TypoCorrector(vocabulary);
  const titleWord = new TypoCorrector(index.nameWords);
  const english = englishWords();
  return {
    index,
    locations,
    isKnown: (w) => known.has(w) || known.has(stem(w)) || /\d/.test(w),
    // An ordinary English word ("trains", "remotely") is what the person
    // meant; it may still be a slip in a job title ("enginer"), never a topic.
    correct: (w) => (english.has(w) ? titleWord.correct(w) : anyWord.correct(w)),
    nearNames: (w) => titleWord.near(w),
    isEnglish: (w) => english.has(w),
  };
}
