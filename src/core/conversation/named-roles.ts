import type { Role } from '../content/types.js';
import { tokenize } from '../text/normalize.js';
import { canonicalize, GENERIC_ROLE_STEMS } from '../understand/canonical.js';
import type { QuestionReader } from '../understand/question-reader.js';
import type { NamePhrase, RoleIndex } from '../understand/role-index.js';
import { understand, type Understanding } from '../understand/understand.js';
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
  const found: Role[] = [];
  const nonEmpty = parts.filter((p) => p.length > 0);
  for (const part of nonEmpty) {
    // One part is the whole message: the reading already made of it serves.
    const role = nonEmpty.length === 1 && whole ? whole.role : understand(reader, part.join(' ')).role;
    if (role && !found.includes(role) && namesRole(reader, part, role)) found.push(role);
  }
  return found;
}

/** Whether the words hold a distinctive word of one of the role's names (typos corrected as the reader does). */
export function namesRole(reader: QuestionReader, words: readonly string[], role: Role): boolean {
  const fixed = words.map((w) => (reader.isKnown(w) ? w : (reader.correct(w) ?? w)));
  return canonicalize(fixed).some(
    (t) => !GENERIC_ROLE_STEMS.has(t.word) && (reader.index.phrasesByWord.get(t.word) ?? []).some((p) => p.role === role),
  );
}

/**
 * Whether a whole title or alias of the role is in the text, job noun and
 * all: "I know RDF" touches an alias word, "a knowledge graph engineer" names it.
 */
export function fullyNames(reader: QuestionReader, norm: string, role: Role): boolean {
  const words = norm.split(' ').filter(Boolean);
  const fixed = words.map((w) => (reader.isKnown(w) ? w : (reader.correct(w) ?? w)));
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
