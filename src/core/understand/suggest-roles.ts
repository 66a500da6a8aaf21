import type { Role } from '../content/types.js';
import { normalizeText } from '../text/normalize.js';
import { canonicalize } from './canonical.js';
import { rankRolesByName, SUGGESTION_THRESHOLD } from './find-role.js';
import { readNames } from './name-readings.js';
import type { QuestionReader } from './question-reader.js';

/**
 * Roles for a partly typed or misspelt name, best first (Discord
 * autocomplete): the exact title or alias, then names starting with what was
 * typed, then names the phrase matcher reads through typos, then names where
 * every typed word starts one of the name's words ("plat eng").
 */
export function suggestRoles(reader: QuestionReader, partial: string, limit: number): Role[] {
  const { index } = reader;
  const text = normalizeText(partial);
  if (!text) return index.roles.slice(0, limit);
  const out = new Set<Role>();
  const add = (role: Role) => {
    if (out.size < limit) out.add(role);
  };
  for (const n of index.names) if (n.text === text) add(n.role);
  for (const n of index.names) if (n.text.startsWith(text)) add(n.role);

  const typed = text.split(' ');
  if (out.size < limit) {
    const fixed = typed.map((w) => (reader.isKnown(w) ? w : (reader.correct(w) ?? w)));
    const tokens = canonicalize(fixed);
    for (const fit of rankRolesByName(index, readNames(reader, typed, fixed, tokens), [])) {
      if (fit.score < SUGGESTION_THRESHOLD || out.size >= limit) break;
      add(fit.role);
    }
  }
  if (out.size < limit) {
    for (const n of index.names) {
      if (typed.every((w) => n.words.some((nw) => nw.startsWith(w)))) add(n.role);
      if (out.size >= limit) break;
    }
  }
  return [...out];
}
