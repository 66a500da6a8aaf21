import type { Level, Role } from '../content/types.js';
import type { Intent } from '../reply.js';
import type { SectionId } from '../sections.js';
import { stripLeadingMention, tokenize } from '../text/normalize.js';
import { canonicalize, GENERIC_ROLE_STEMS, type CanonicalToken } from './canonical.js';
import { findRoleByContent, findRoleByName, type RoleMatch, type ScoredRole } from './find-role.js';
import type { PlaceMention } from './locations.js';
import { readNames } from './name-readings.js';
import type { QuestionReader } from './question-reader.js';
import {
  GREETING,
  HELP_CUE,
  HELP_FILLER,
  JOB_NOUNS,
  LEVEL_CUES,
  LIST_CUE,
  LIST_FILLER,
  ROLE_SEEKING_CUE,
  SALARY_CUE,
  SECTION_CUES,
  STOPWORDS,
  STRONG_SALARY_CUE,
  TIP_CUE,
} from './words.js';

const ROLE_SEEKING_ALL = new RegExp(ROLE_SEEKING_CUE.source, 'g');
const CAREER_COMMAND = /^\s*\/career\b/i;

/** What a question asks, before any answer is written. */
export interface Understanding {
  intent: Intent;
  role: Role | null;
  section: SectionId | null;
  level: Level | null;
  place: PlaceMention | null;
  confidence: number;
  suggestions: ScoredRole[];
}

export function understand(reader: QuestionReader, text: string): Understanding {
  // "/career help" typed as text (the console, a DM) asks what the command would.
  const words = tokenize(text.replace(CAREER_COMMAND, '')).slice(0, 64);
  const base = { role: null, section: null, level: null, place: null, suggestions: [] };
  // Nothing at all (or only a mention of the bot) asks for help; something
  // with no words in it (emoji, symbols) is not a question.
  if (words.length === 0) {
    const blank = stripLeadingMention(text).trim() === '';
    return { ...base, intent: blank ? 'help' : 'unknown', confidence: blank ? 1 : 0 };
  }

  const fixed = words.map((w) => (reader.isKnown(w) ? w : (reader.correct(w) ?? w)));
  const tokens = canonicalize(fixed);
  // Job nouns are compared as typed (stems would make "management" a
  // "manager"), and only standalone ones: "subject matter expert" is an "sme".
  const jobNouns = tokens
    .filter((t) => t.to - t.from === 1)
    .map((t) => fixed[t.from]!)
    .filter((w) => JOB_NOUNS.has(w) || JOB_NOUNS.has(w.replace(/s$/, '')));
  const byName = findRoleByName(reader.index, readNames(reader, words, fixed, tokens), jobNouns);
  const consumed = byName.kind === 'match' ? byName.consumed : new Set<number>();
  const place = reader.locations.find(fixed, consumed);
  const placeSpan = new Set<number>();
  if (place) for (let i = place.from; i < place.to; i += 1) placeSpan.add(i);
  const rest = fixed.filter((_, i) => !consumed.has(i) && !placeSpan.has(i)).join(' ');

  const level = LEVEL_CUES.find(([, re]) => re.test(rest))?.[0] ?? null;
  const cue = detectSection(rest);
  const section = cue?.id ?? null;
  // "about", "what is" mark an overview but don't outweigh asking for a tip.
  const topical = cue !== null && cue.weight > 1;
  // A city the pay data covers, with no other topic, is a pay question ("ml engineer seattle").
  const salary = STRONG_SALARY_CUE.test(rest) || (SALARY_CUE.test(rest) && !section) || (place?.id != null && !section);

  if (byName.kind === 'match') {
    const role = byName.role;
    const confidence = byName.confidence;
    if (salary) return { ...base, intent: 'salary', role, level, place, confidence };
    if (TIP_CUE.test(rest) && !topical) return { ...base, intent: 'tip', role, confidence };
    return { ...base, intent: 'role', role, section: section ?? 'overview', confidence };
  }

  const full = fixed.join(' ');
  const only = (allowed: ReadonlySet<string>) => fixed.every((w) => allowed.has(w) || STOPWORDS.has(w));
  if (GREETING.test(full) || (HELP_CUE.test(full) && only(HELP_FILLER)))
    return { ...base, intent: 'help', confidence: 1 };
  const meaningful = fixed.filter((w) => !STOPWORDS.has(w));
  if (LIST_CUE.test(full) && only(LIST_FILLER)) return { ...base, intent: 'list', confidence: 1 };
  if (TIP_CUE.test(full) && !salary) return { ...base, intent: 'tip', confidence: 1 };

  // A title-shaped question ("full stack developer") names a job; we don't
  // cover it, so its words must not be matched against other roles' content.
  const seeking = ROLE_SEEKING_CUE.test(full);
  const titleShaped = meaningful.length <= 4 && tokens.some((t) => GENERIC_ROLE_STEMS.has(t.word));
  const byContent: RoleMatch =
    titleShaped && !seeking
      ? { kind: 'none', confidence: 0, suggestions: [] }
      : findRoleByContent(
          reader.index,
          tokens.filter((t) => !isTopicWord(fixed, t)),
          seeking,
        );
  if (byContent.kind === 'match') {
    const role = byContent.role;
    if (STRONG_SALARY_CUE.test(full))
      return { ...base, intent: 'salary', role, level, place, confidence: byContent.confidence };
    // "works with", "career in" ask which role, not about its work environment.
    const asked = detectSection(full.replace(ROLE_SEEKING_ALL, ' '))?.id;
    return { ...base, intent: 'role', role, section: asked ?? 'overview', confidence: byContent.confidence };
  }

  const suggestions = mergeSuggestions(byName.suggestions, byContent.kind === 'none' ? byContent.suggestions : []);
  // A pay question naming nothing else ("what's the salary?") asks which role;
  // one naming an unknown job ("teacher salary") is a role we do not cover.
  const unexplained = meaningful.filter((w) => !SALARY_CUE.test(w) && !LEVEL_CUES.some(([, re]) => re.test(w)));
  if (salary && unexplained.length === 0)
    return { ...base, intent: 'salary', level, place, confidence: 1, suggestions };
  return { ...base, intent: 'unknown', confidence: byName.confidence, suggestions };
}

/**
 * A word that only says what is asked about ("challenges", "skills") is no
 * evidence of which role: every profile has such a section, so counting its
 * word would let one rare co-occurring word ("face") name a role alone.
 */
function isTopicWord(fixed: readonly string[], t: CanonicalToken): boolean {
  return t.to - t.from === 1 && detectSection(fixed[t.from]!) !== null;
}

/** The section a question asks for: the strongest cue, the earliest on a tie. */
export function detectSection(text: string): { id: SectionId; weight: number } | null {
  let best: { id: SectionId; weight: number; rank: number; at: number } | null = null;
  for (const [id, weight, re] of SECTION_CUES) {
    const m = re.exec(text);
    if (!m) continue;
    const rank = weight * 1000 + m[0].length;
    if (!best || rank > best.rank || (rank === best.rank && m.index < best.at))
      best = { id: id as SectionId, weight, rank, at: m.index };
  }
  return best ? { id: best.id, weight: best.weight } : null;
}

function mergeSuggestions(a: ScoredRole[], b: ScoredRole[]): ScoredRole[] {
  const out: ScoredRole[] = [];
  for (const s of [...a, ...b]) if (!out.some((o) => o.role.id === s.role.id)) out.push(s);
  return out.slice(0, 3);
}
