import type { QuestionReader } from '../understand/question-reader.js';

const memo = new WeakMap<QuestionReader, Map<string, string>>();
const MAX_MEMO = 50_000;

/**
 * Words as the reader understands them, typos corrected. A turn reads its
 * words several times (whole message, parts, topic), and correcting an
 * unknown word is the costly step, so results are remembered per reader.
 */
export function correctWords(reader: QuestionReader, words: readonly string[]): string[] {
  let seen = memo.get(reader);
  if (!seen) memo.set(reader, (seen = new Map<string, string>()));
  return words.map((w) => {
    let fixed = seen.get(w);
    if (fixed === undefined) {
      if (seen.size >= MAX_MEMO) seen.clear();
      fixed = reader.isKnown(w) ? w : (reader.correct(w) ?? w);
      seen.set(w, fixed);
    }
    return fixed;
  });
}
