import type { Role } from '../content/types.js';
import type { CanonicalToken } from './canonical.js';
import type { ReadToken } from './name-readings.js';
import type { NamePhrase, RoleIndex } from './role-index.js';
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
  | { kind: 'match'; role: Role; confidence: number; consumed: Set<number> }
  | { kind: 'none'; confidence: number; suggestions: ScoredRole[] };

/** Where the question offers a word: its token, unit, cost, worth and the words it covers. */
interface Offer {
  token: number;
  unit: number;
  cost: number;
  worth: number;
  from: number;
  to: number;
}

/** How well one title or alias explains the question. */
export interface PhraseFit {
  role: Role;
  score: number;
  /** Every word of the title or alias was found (some perhaps through a typo). */
  complete: boolean;
  /** Question words (or halves of glued words) the phrase explains. */
  units: number;
  /** Letters changed to read the question as this phrase. */
  cost: number;
  consumed: Set<number>;
}

/**
 * Scores every title and alias that shares a word (or a word's plausible
 * reading) with the question, as a whole phrase. A complete phrase beats a
 * partial one; between complete ones, the one explaining more of the
 * question's words wins ("water oprations developer" is the title with
 * "operations", not the alias "water developer"), then the one needing fewer
 * corrected letters. Anything closer than that is a tie, and a tie names no role.
 */
export function findRoleByName(index: RoleIndex, tokens: readonly ReadToken[], jobNouns: readonly string[]): RoleMatch {
  const ranked = rankRolesByName(index, tokens, jobNouns);
  const [top, second] = ranked;
  const suggestions = ranked
    .filter((r) => r.score >= SUGGESTION_THRESHOLD)
    .slice(0, 3)
    .map(({ role, score }) => ({ role, score }));
  if (!top || top.score < ROLE_CONFIDENCE_THRESHOLD)
    return { kind: 'none', confidence: round(top?.score ?? 0), suggestions };
  const tied = ranked.filter((r) => r.score >= ROLE_CONFIDENCE_THRESHOLD && !decides(top, r)).length;
  if (!second || tied === 1)
    return { kind: 'match', role: top.role, confidence: round(top.score), consumed: top.consumed };
  // Honest about a tie: the best is one of `tied` equally likely roles.
  return { kind: 'none', confidence: round(top.score / tied), suggestions };
}

/** Each role's best-fitting title or alias, best role first. */
export function rankRolesByName(
  index: RoleIndex,
  tokens: readonly ReadToken[],
  jobNouns: readonly string[],
): PhraseFit[] {
  // word -> where the question offers it: token, unit, cost.
  const offers = new Map<string, Array<Offer>>();
  tokens.forEach((t, token) => {
    for (const r of t.readings) {
      const list = offers.get(r.word);
      const offer: Offer = {
        token,
        unit: r.unit,
        cost: r.cost,
        worth: r.worth,
        from: r.span?.from ?? t.from,
        to: r.span?.to ?? t.to,
      };
      if (list) list.push(offer);
      else offers.set(r.word, [offer]);
    }
  });
  const phrases = new Set<NamePhrase>();
  for (const word of offers.keys()) {
    if (GENERIC_ROLE_STEMS.has(word)) continue;
    for (const p of index.phrasesByWord.get(word) ?? []) phrases.add(p);
  }

  const queryNouns = jobNouns.map(stem);
  const best = new Map<string, PhraseFit>();
  for (const phrase of phrases) {
    const fit = fitPhrase(index, phrase, tokens, offers, queryNouns);
    const prior = best.get(phrase.role.id);
    if (!prior || compareFits(fit, prior) < 0) best.set(phrase.role.id, fit);
  }
  return [...best.values()].sort(compareFits);
}

function fitPhrase(
  index: RoleIndex,
  phrase: NamePhrase,
  tokens: readonly ReadToken[],
  offers: ReadonlyMap<string, readonly Offer[]>,
  queryNouns: readonly string[],
): PhraseFit {
  const used = new Set<number>();
  const consumed = new Set<number>();
  let got = 0;
  let cost = 0;
  let matched = 0;
  let units = 0;
  for (const w of phrase.words) {
    let pick: Offer | undefined;
    for (const o of offers.get(w) ?? []) if (!used.has(o.token * 2 + o.unit) && (!pick || o.cost < pick.cost)) pick = o;
    if (!pick) continue;
    used.add(pick.token * 2 + pick.unit);
    matched += 1;
    units += pick.worth;
    got += index.weightOf(w);
    cost += pick.cost;
    for (let i = pick.from; i < pick.to; i += 1) consumed.add(i);
  }
  // A corrected typo is a little less certain than an exact word; a
  // different job noun ("ml researcher" against "ml engineer") names
  // another job, and only a perfect match of the rest survives it.
  const conflict = queryNouns.length > 0 && !queryNouns.some((n) => phrase.words.includes(n));
  const score = (got / phrase.weight) * (cost > 0 ? 0.95 : 1) * (conflict ? CONFLICTING_NOUN_FACTOR : 1);
  return { role: phrase.role, score, complete: matched === phrase.words.length && !conflict, units, cost, consumed };
}

/** Negative when `a` explains the question better than `b`. */
function compareFits(a: PhraseFit, b: PhraseFit): number {
  if (a.complete !== b.complete) return a.complete ? -1 : 1;
  if (a.complete) return b.units - a.units || a.cost - b.cost || b.score - a.score;
  return b.score - a.score || b.units - a.units;
}

/** Whether `top` clearly beats `other` (a different role), or they are a tie. */
function decides(top: PhraseFit, other: PhraseFit): boolean {
  if (top === other) return false;
  if (top.complete && !other.complete) return true;
  if (top.complete) return top.units > other.units || top.cost < other.cost;
  return top.score - other.score >= AMBIGUITY_MARGIN;
}

/**
 * Names a role from what the question describes ("which role works with RDF
 * and OWL") when no title was named: rare content words, weighted by how few
 * roles use them, must point clearly at one role.
 */
export function findRoleByContent(index: RoleIndex, tokens: readonly CanonicalToken[], seeking: boolean): RoleMatch {
  const n = index.roles.length;
  const scores = new Map<string, { score: number; words: number }>();
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
    for (const roleId of roles.keys()) {
      if (titled.size > 0 && !titled.has(roleId)) continue;
      const entry = scores.get(roleId) ?? { score: 0, words: 0 };
      entry.score += idf;
      entry.words += 1;
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
  const confidence = round(Math.min(0.9, ROLE_CONFIDENCE_THRESHOLD + 0.1 + 0.2 * (1 - 1 / dominance)));
  return { kind: 'match', role: index.roleById(top[0]), confidence, consumed: new Set() };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
