import { canonicalize, stem, type CanonicalToken } from './canonical.js';
import type { QuestionReader } from './question-reader.js';
import { editDistance } from './typo-corrector.js';
import { STOPWORDS, TOPIC_WORD_SET } from './words.js';

/** One way to read a question word as a title word, and what the reading costs (letters changed). */
export interface Reading {
  word: string;
  cost: number;
  /** 0, or 1 for the second half of two words typed without a space. */
  unit: number;
  /**
   * How much explaining this word counts: a topic word ("education") that is
   * also a title word is more likely the topic, so it counts half.
   */
  worth: number;
  /** Question words the reading covers, when more than its token's ("knowledge graf" read as "kg"). */
  span?: { from: number; to: number };
}

/** A canonical token with every title word it may stand for. */
export interface ReadToken {
  from: number;
  to: number;
  readings: Reading[];
}

/**
 * Every title-word reading of each question word: the word itself (or its
 * correction), every title word one plausible slip away, and the two title
 * words of a word typed without its space ("bankingprocess"). Which reading is
 * right is decided later, by the phrase it completes: a typo is corrected
 * toward the candidate that makes the whole phrase a title.
 */
export function readNames(
  reader: QuestionReader,
  typed: readonly string[],
  fixed: readonly string[],
  tokens: readonly CanonicalToken[],
): ReadToken[] {
  const read = tokens.map((t) => {
    const readings: Reading[] = [];
    const original = typed[t.from]!;
    const worth = TOPIC_WORD_SET.has(original) ? 0.5 : 1;
    const add = (word: string, cost: number, unit = 0) => {
      const prior = readings.find((r) => r.word === word && r.unit === unit);
      if (!prior) readings.push({ word, cost, unit, worth });
      else prior.cost = Math.min(prior.cost, cost);
    };
    const single = t.to - t.from === 1;
    add(t.word, single && fixed[t.from] !== original ? editDistance(original, fixed[t.from]!) : 0);
    if (single && !reader.index.nameWords.has(original) && !STOPWORDS.has(original) && !TOPIC_WORD_SET.has(original)) {
      // A real word that is not a title word ("wader") is a less likely slip than a non-word.
      const extra = reader.isEnglish(original) ? 1 : 0;
      for (const near of reader.nearNames(original)) add(stem(near.word), near.distance + extra);
      const glued = reader.index.splitGlued(original);
      if (glued) {
        add(stem(glued[0]), 1, 0);
        add(stem(glued[1]), 1, 1);
      }
    }
    return { from: t.from, to: t.to, readings };
  });
  addPhraseReadings(reader, typed, fixed, read);
  return read;
}

/**
 * A multi-word term spelt with a slip ("knowledge graf") only becomes its
 * short form ("kg") once the slip is read as a title word: canonicalise the
 * question with every unknown word read as its nearest title word, and offer
 * each multi-word term found that way to the token where it starts.
 */
function addPhraseReadings(
  reader: QuestionReader,
  typed: readonly string[],
  fixed: readonly string[],
  read: ReadToken[],
): void {
  let cost = 0;
  const alt = typed.map((w, i) => {
    if (reader.index.nameWords.has(w) || STOPWORDS.has(w) || TOPIC_WORD_SET.has(w)) return fixed[i]!;
    const near = reader.nearNames(w)[0];
    if (!near) return fixed[i]!;
    cost += near.distance;
    return near.word;
  });
  if (cost === 0) return;
  for (const t of canonicalize(alt)) {
    if (t.to - t.from < 2) continue;
    const owner = read.find((r) => r.from <= t.from && t.from < r.to);
    if (owner && !owner.readings.some((r) => r.word === t.word)) {
      owner.readings.push({ word: t.word, cost: 1, unit: 0, worth: t.to - t.from, span: { from: t.from, to: t.to } });
    }
  }
}
