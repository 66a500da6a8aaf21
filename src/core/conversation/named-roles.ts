import type { Role } from '../content/types.js';
import { correctWords } from './correct-words.js';
import { tokenize } from '../text/normalize.js';
import { canonicalize, GENERIC_ROLE_STEMS } from '../understand/canonical.js';
import type { QuestionReader } from '../understand/question-reader.js';
import type { NamePhrase, RoleIndex } from '../understand/role-index.js';
import { understand, type Understanding } from '../understand/understand.js';
import { JOB_NOUNS } from '../understand/words.js';
import { ROLE_SEPARATOR } from './cues.js';

/**
 * The roles a message names, in the order it names them ("X vs Y", "how is X
 * different from Y"). The single-question reader finds one role per text, so
 * the message is cut at the words that join roles and each part is read on
 * its own; a part counts only when one of its role's own title or alias words
 * is in it, so a description ("I know RDF") never passes for a name.
 */
export function namedRoles(reader: QuestionReader, text: string, whole?: Understanding): Role[] {
  const parts: string[][] = [];
  // Punctuation separates too ("X, Y and Z"), but tokenizing drops it: cut first.
  for (const piece of text.split(/[,;:&/|+]+/)) {
    parts.push([]);
    for (const w of tokenize(piece)) {
      if (ROLE_SEPARATOR.test(w)) parts.push([]);
      else parts[parts.length - 1]!.push(w);
    }
  }
  // Only parts holding a word of some role's name are read, and a message
  // naming one role in one part keeps the reading already made of it.
  const named = parts
    .map((part) => ({ part, candidates: nameCandidates(reader, part) }))
    .filter((p) => p.candidates.size > 0);
  if (named.length === 1 && whole?.role && named[0]!.candidates.has(whole.role)) return [whole.role];
  const found: Role[] = [];
  for (const { part, candidates } of named) {
    const role = understand(reader, part.join(' ')).role;
    if (role && !found.includes(role) && candidates.has(role)) found.push(role);
  }
  return found;
}

/** Roles one of whose distinctive title or alias words is in the words (typos corrected as the reader does). */
function nameCandidates(reader: QuestionReader, words: readonly string[]): Set<Role> {
  const out = new Set<Role>();
  if (words.length === 0) return out;
  const fixed = correctWords(reader, words);
  for (const t of canonicalize(fixed)) {
    if (GENERIC_ROLE_STEMS.has(t.word)) continue;
    for (const p of reader.index.phrasesByWord.get(t.word) ?? []) out.add(p.role);
  }
  return out;
}

/**
 * Whether a whole title or alias of the role is in the text, job noun and
 * all: "I know RDF" touches an alias word, "a knowledge graph engineer" names it.
 */
export function fullyNames(reader: QuestionReader, norm: string, role: Role): boolean {
  const words = norm.split(' ').filter(Boolean);
  // "prompt engineering" is work someone does; "a prompt engineer" is a job.
  if (!words.some((w) => JOB_NOUNS.has(w) || JOB_NOUNS.has(w.replace(/s$/, '')))) return false;
  const fixed = correctWords(reader, words);
  const have = new Set(canonicalize(fixed).map((t) => t.word));
  return phrasesOf(reader.index, role).some((p) => p.words.length > 1 && p.words.every((w) => have.has(w)));
}

const byRole = new WeakMap<RoleIndex, Map<Role, NamePhrase[]>>();

/** A role's titles and aliases, grouped once per index. */
function phrasesOf(index: RoleIndex, role: Role): NamePhrase[] {
  let map = byRole.get(index);
  if (!map) {
    map = new Map();
    for (const p of new Set([...index.phrasesByWord.values()].flat())) map.set(p.role, [...(map.get(p.role) ?? []), p]);
    byRole.set(index, map);
  }
  return map.get(role) ?? [];
}
