import { stemmer } from 'stemmer';
import { CANONICAL_PHRASES, GENERIC_ROLE_WORDS, STOPWORDS } from './words.js';

/** A word after canonicalisation, with the span of input words it came from. */
export interface CanonicalToken {
  word: string;
  from: number;
  to: number;
}

const byFirstWord = new Map<string, Array<readonly [string[], string]>>();
for (const entry of CANONICAL_PHRASES) {
  const list = byFirstWord.get(entry[0][0]!) ?? [];
  list.push(entry);
  // Longest phrase first, so "large language models" wins over shorter ones.
  list.sort((a, b) => b[0].length - a[0].length);
  byFirstWord.set(entry[0][0]!, list);
}

/**
 * Porter stem, so "automate", "automation" and "automating" meet, as do
 * "engineers" and "engineering". Short words (acronyms: ml, llm, nlp) stay.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const noun = JOB_NOUN_FORMS.get(word);
  if (noun) return noun;
  let s = stems.get(word);
  if (s === undefined) {
    // Content repeats its words; memoising makes indexing 1,000 roles cheap.
    if (stems.size > 100_000) stems.clear();
    stems.set(word, (s = stemmer(word)));
  }
  return s;
}
const stems = new Map<string, string>();
/**
 * A generic job noun keeps its own form: Porter would make "research" a
 * "researcher", "management" a "manager" and "design" a "designer", and
 * those field words would then count for as little as the job nouns.
 */
const JOB_NOUN_FORMS = new Map(
  [...GENERIC_ROLE_WORDS].flatMap(
    (w) =>
      [
        [w, w],
        [`${w}s`, w],
      ] as const,
  ),
);

/** Rewrites multi-word terms to their short forms and stems every word. */
export function canonicalize(words: readonly string[]): CanonicalToken[] {
  const out: CanonicalToken[] = [];
  for (let i = 0; i < words.length;) {
    const candidates = byFirstWord.get(words[i]!) ?? [];
    const hit = candidates.find(([phrase]) => phrase.every((w, k) => words[i + k] === w));
    if (hit) {
      out.push({ word: stem(hit[1]), from: i, to: i + hit[0].length });
      i += hit[0].length;
    } else {
      out.push({ word: stem(words[i]!), from: i, to: i + 1 });
      i += 1;
    }
  }
  return out;
}

export function canonicalWords(text: string): string[] {
  return canonicalize(text.split(' ').filter(Boolean)).map((t) => t.word);
}

/** The word lists in stemmed form, for comparing with canonical tokens. */
export const GENERIC_ROLE_STEMS: ReadonlySet<string> = new Set([...GENERIC_ROLE_WORDS].map(stem));
export const STOP_STEMS: ReadonlySet<string> = new Set([...STOPWORDS].map(stem));
