import type { Role } from '../content/types.js';
import type { SectionId } from '../sections.js';
import type { CanonicalToken } from './canonical.js';
import type { RoleIndex } from './role-index.js';
import { GENERIC_ROLE_STEMS, STOP_STEMS, stem } from './canonical.js';

/**
 * A role is named only when the match scores at least this (0..1: the share of
 * a title's or alias's weighted words found in the question). Below it the bot
 * declines and suggests; a wrong role is worse than no role.
 */
export const ROLE_CONFIDENCE_THRESHOLD = 0.6;
/** Roles scoring at least this are offered as "did you mean". */
export const SUGGESTION_THRESHOLD = 0.3;
/** Two roles closer than this are a tie: the bot asks rather than picks. */
export const AMBIGUITY_MARGIN = 0.05;
/** Score kept by a title whose job noun differs from the question's. */
export const CONFLICTING_NOUN_FACTOR = 0.6;
/** Content words must favour one role by this factor to name it. */
export const CONTENT_DOMINANCE = 1.5;

export interface ScoredRole {
  role: Role;
  score: number;
}

export type RoleMatch =
  | { kind: 'match'; role: Role; confidence: number; consumed: Set<number>; via: 'name' | 'content'; section?: SectionId }
  | { kind: 'none'; confidence: number; suggestions: ScoredRole[] };

/** Scores every role whose title or alias shares a word with the question. */
export function findRoleByName(
  index: RoleIndex,
  tokens: readonly CanonicalToken[],
  corrected: ReadonlySet<number>,
  jobNouns: readonly string[],
): RoleMatch {
  const positions = new Map<string, CanonicalToken>();
  for (const t of tokens) if (!positions.has(t.word)) positions.set(t.word, t);

  const queryNouns = jobNouns.map(stem);
  const best = new Map<string, { score: number; consumed: Set<number> }>();
  for (const word of positions.keys()) {
    if (GENERIC_ROLE_STEMS.has(word)) continue;
    for (const phrase of index.phrasesByWord.get(word) ?? []) {
      let got = 0;
      const consumed = new Set<number>();
      let typo = false;
      for (const w of phrase.words) {
        const t = positions.get(w);
        if (!t) continue;
        got += index.weightOf(w);
        for (let i = t.from; i < t.to; i += 1) {
          consumed.add(i);
          typo ||= corrected.has(i);
        }
      }
      // A corrected typo is a little less certain than an exact word; a
      // different job noun ("ml researcher" against "ml engineer") names
      // another job, and only a perfect match of the rest survives it.
      const conflict = queryNouns.length > 0 && !queryNouns.some((n) => phrase.words.includes(n));
      const score = (got / phrase.weight) * (typo ? 0.95 : 1) * (conflict ? CONFLICTING_NOUN_FACTOR : 1);
      const prior = best.get(phrase.role.id);
      if (!prior || score > prior.score) best.set(phrase.role.id, { score, consumed });
    }
  }
  const ranked = [...best].map(([id, v]) => ({ role: index.roleById(id), ...v })).sort((a, b) => b.score - a.score);
  const [top, second] = ranked;
  if (top && top.score >= ROLE_CONFIDENCE_THRESHOLD && !(second && top.score - second.score < AMBIGUITY_MARGIN)) {
    return { kind: 'match', role: top.role, confidence: round(top.score), consumed: top.consumed, via: 'name' };
  }
  return {
    kind: 'none',
    confidence: round(top?.score ?? 0),
    suggestions: ranked.filter((r) => r.score >= SUGGESTION_THRESHOLD).slice(0, 3).map(({ role, score }) => ({ role, score })),
  };
}

/**
 * Names a role from what the question describes ("which role works with RDF
 * and OWL") when no title was named: rare content words, weighted by how few
 * roles use them, must point clearly at one role.
 */
export function findRoleByContent(
  index: RoleIndex,
  tokens: readonly CanonicalToken[],
  seeking: boolean,
): RoleMatch {
  const n = index.roles.length;
  const scores = new Map<string, { score: number; words: number; sections: Map<SectionId, number> }>();
  const seen = new Set<string>();
  for (const t of tokens) {
    if (seen.has(t.word) || STOP_STEMS.has(t.word) || GENERIC_ROLE_STEMS.has(t.word)) continue;
    seen.add(t.word);
    const roles = index.contentByWord.get(t.word);
    if (!roles || roles.size > Math.max(2, Math.ceil(n * 0.4))) continue;
    const idf = Math.log((n + 1) / roles.size);
    // A word from some roles' titles is evidence for those roles only: "lab"
    // in "lab tech" names the lab automation role, whatever else mentions labs.
    const titled = new Set((index.phrasesByWord.get(t.word) ?? []).map((p) => p.role.id));
    for (const [roleId, sections] of roles) {
      if (titled.size > 0 && !titled.has(roleId)) continue;
      const entry = scores.get(roleId) ?? { score: 0, words: 0, sections: new Map() };
      entry.score += idf;
      entry.words += 1;
      for (const [section, count] of sections) entry.sections.set(section, (entry.sections.get(section) ?? 0) + idf * count);
      scores.set(roleId, entry);
    }
  }
  const ranked = [...scores].sort((a, b) => b[1].score - a[1].score);
  const [top, second] = ranked;
  const none: RoleMatch = {
    kind: 'none',
    confidence: 0,
    suggestions: ranked.slice(0, 3).map(([id, v]) => ({ role: index.roleById(id), score: v.score })),
  };
  if (!top) return none;
  const dominance = second ? top[1].score / second[1].score : Infinity;
  const evidence = seeking ? top[1].words >= 1 : top[1].words >= 2;
  if (!evidence || dominance < CONTENT_DOMINANCE || top[1].score < Math.log((n + 1) / 2)) return none;
  const section = [...top[1].sections].sort((a, b) => b[1] - a[1])[0]![0];
  const confidence = round(Math.min(0.9, ROLE_CONFIDENCE_THRESHOLD + 0.1 + 0.2 * (1 - 1 / dominance)));
  return { kind: 'match', role: index.roleById(top[0]), confidence, consumed: new Set(), via: 'content', section };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
