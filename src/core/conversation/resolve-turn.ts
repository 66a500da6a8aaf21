import { sectionsOf, type Content, type Level, type Role } from '../content/types.js';
import type { SectionId } from '../sections.js';
import { normalizeText } from '../text/normalize.js';
import { placeOf } from '../answer/recreate-answer.js';
import type { PlaceMention } from '../understand/locations.js';
import type { QuestionReader } from '../understand/question-reader.js';
import { understand, type Understanding } from '../understand/understand.js';
import { JOB_NOUNS, LEVEL_CUES, STOPWORDS } from '../understand/words.js';
import {
  CHATTER,
  COMPARE_AGAIN_CUE,
  COMPARE_CUE,
  FIT_CUE,
  FOLLOW_UP_CUE,
  MORE_CUE,
  OTHER_CUE,
  ORDINAL_CUE,
  ORDINALS,
  PLURAL_CUE,
  PRONOUN_CUE,
} from './cues.js';
import { correctWords } from './correct-words.js';
import { fullyNames, namedRoles } from './named-roles.js';
import type { ConversationSlots } from './slots.js';
import { topicOf, type Topic } from './topic.js';

/** What one message asks once the conversation so far is taken into account. */
export type Turn =
  /** `keepsContext`: an acknowledgement ("ok", "cool"), not a new subject, even when unanswerable. */
  | { kind: 'single'; understanding: Understanding; keepsContext?: boolean }
  | { kind: 'compare'; roles: Role[]; section: SectionId; level: Level | null; place: PlaceMention | null }
  | { kind: 'fit' };

/** Confidence of a role carried from context: it was resolved before, not guessed now. */
const CARRIED_CONFIDENCE = 0.9;

/**
 * Reads a message as the next turn of a conversation. The message's own words
 * win: a role, topic, level or city it names replaces the remembered one, and
 * everything it leaves out is kept. With nothing remembered, the message is
 * read exactly as a single question.
 */
export function resolveTurn(reader: QuestionReader, content: Content, text: string, slots: ConversationSlots): Turn {
  const norm = normalizeText(text);
  const u = withPayWords(reader, understand(reader, text), norm);
  const named = namedRoles(reader, text, u);
  const picked = pickOffered(content, norm, slots);
  const topic = topicOf(reader, norm, named);
  const remembered = rolesOf(content, slots.roles);
  const compareCue = COMPARE_CUE.test(norm);

  if (named.length >= 2) return compare(content, named, topic, u, slots, false);
  const asksList = u.intent === 'list' || u.intent === 'help';
  if (FIT_CUE.test(norm) && !asksList && !picked && !named.some((r) => fullyNames(reader, norm, r)))
    return { kind: 'fit' };

  const role = picked ?? named[0] ?? null;
  if (role && !picked && compareCue && remembered.length > 0 && !remembered.includes(role)) {
    return compare(content, [...remembered, role], topic, u, slots, true);
  }
  // "and with X?" after a comparison: the first role against the new one.
  if (
    role &&
    !picked &&
    slots.intent === 'compare' &&
    COMPARE_AGAIN_CUE.test(norm) &&
    remembered[0] &&
    remembered[0] !== role
  ) {
    return compare(content, [remembered[0], role], topic, u, slots, true);
  }
  if (!role) {
    // Compared: the roles of the comparison; else the fit list, or the two roles talked about in turn.
    const offered = rolesOf(content, slots.offered);
    const pool =
      remembered.length < 2 &&
      compareCue &&
      (slots.intent === 'fit' || (offered.length === 2 && offered.includes(remembered[0]!)))
        ? offered
        : remembered;
    const continuing =
      compareCue ||
      PLURAL_CUE.test(norm) ||
      (slots.intent === 'compare' && (PRONOUN_CUE.test(norm) || FOLLOW_UP_CUE.test(norm) || topic.explicit));
    if (pool.length >= 2 && continuing) return compare(content, pool, topic, u, slots, true);
  }

  if (role) {
    // With nothing to carry, or a role and a topic named, the message is a new
    // question and its single-question reading stands; so does a tip request.
    const ownTopic =
      topic.explicit ||
      u.intent === 'salary' ||
      u.intent === 'tip' ||
      (u.intent === 'role' && u.section !== 'overview');
    if (!picked && u.role === role && (remembered.length === 0 || ownTopic))
      return { kind: 'single', understanding: u };
    return single(content, role, topic, u, slots, picked !== null || remembered.length > 0);
  }

  const current = remembered[0];
  if (!current || namesOtherJob(norm)) return { kind: 'single', understanding: u };
  // A role found only from described work ("which role uses RDF?") is a new
  // question unless the message points back at the conversation.
  const more = MORE_CUE.test(norm);
  const pointsBack = more || PRONOUN_CUE.test(norm) || FOLLOW_UP_CUE.test(norm);
  if (u.role && !pointsBack) return { kind: 'single', understanding: u };
  const asksSomething = topic.explicit || u.level !== null || u.place !== null || more;
  if (!asksSomething && !(u.intent === 'unknown' && pointsBack)) {
    const chatter = norm.split(' ').every((w) => CHATTER.has(w) || STOPWORDS.has(w));
    return { kind: 'single', understanding: u, keepsContext: chatter };
  }
  // "Tell me more" about a role goes on to its next section.
  if (more && !topic.explicit && slots.intent === 'role')
    return single(content, current, { section: nextSection(current, slots.section), explicit: true }, u, slots, true);
  return single(content, current, topic, u, slots, true);
}

function nextSection(role: Role, after: SectionId | null): SectionId {
  const order: SectionId[] = sectionsOf(role).filter((s) => s !== 'salary');
  return order[(after ? order.indexOf(after) : -1) + 1] ?? after ?? 'overview';
}

function single(
  content: Content,
  role: Role,
  topic: Topic,
  u: Understanding,
  slots: ConversationSlots,
  carry: boolean,
): Turn {
  const level = u.level ?? (carry ? slots.level : null);
  const place = u.place ?? (carry ? placeOf(content, slots.location) : null);
  const section = topic.section ?? (carry ? slots.section : null);
  const base = { role, confidence: u.role === role ? u.confidence : CARRIED_CONFIDENCE, suggestions: [] };
  // A level or city with no other topic asks about pay ("mid level?", "and in Chicago?").
  const pay = section === 'salary' || (!topic.explicit && (u.level !== null || u.place !== null));
  if (pay) return { kind: 'single', understanding: { ...base, intent: 'salary', section: null, level, place } };
  return {
    kind: 'single',
    understanding: { ...base, intent: 'role', section: section ?? 'overview', level: null, place: null },
  };
}

function compare(
  content: Content,
  roles: Role[],
  topic: Topic,
  u: Understanding,
  slots: ConversationSlots,
  carry: boolean,
): Turn {
  const section = topic.section ?? (carry ? slots.section : null) ?? 'overview';
  const level = u.level ?? (carry ? slots.level : null);
  const place = u.place ?? (carry ? placeOf(content, slots.location) : null);
  return { kind: 'compare', roles: roles.slice(0, 5), section, level, place };
}

/**
 * The single-question reader leaves level and city out of answers it cannot
 * place ("and in Chicago?" names no role); a follow-up needs them.
 */
function withPayWords(reader: QuestionReader, u: Understanding, norm: string): Understanding {
  if (u.level !== null || u.place !== null) return u;
  const words = correctWords(reader, norm.split(' ').filter(Boolean));
  const level = LEVEL_CUES.find(([, re]) => re.test(words.join(' ')))?.[0] ?? null;
  const place = reader.locations.find(words, new Set());
  return level === null && place === null ? u : { ...u, level, place };
}

/** "a data engineer", "data scientists": a job we found no profile for, so not a follow-up. */
function namesOtherJob(norm: string): boolean {
  const words = norm.split(' ');
  return words.some((w, i) => {
    const before = words[i - 1];
    return (
      (JOB_NOUNS.has(w) || JOB_NOUNS.has(w.replace(/s$/, ''))) &&
      before !== undefined &&
      !STOPWORDS.has(before) &&
      !LEVEL_CUES.some(([, re]) => re.test(before))
    );
  });
}

/** "the second one", "the latter": a role from the last list offered. */
function pickOffered(content: Content, norm: string, slots: ConversationSlots): Role | null {
  if (slots.offered.length === 0) return null;
  if (OTHER_CUE.test(norm) && slots.offered.length === 2) {
    const other = slots.offered.find((id) => id !== slots.roles[0]) ?? slots.offered[1]!;
    return content.roleById.get(slots.roles.length === 1 ? other : slots.offered[1]!) ?? null;
  }
  const m = ORDINAL_CUE.exec(norm);
  if (!m) return null;
  const word = m[1] ?? m[2] ?? m[3]!;
  const at = word === 'last' || word === 'latter' ? slots.offered.length - 1 : ORDINALS[word];
  const id = at === undefined ? undefined : slots.offered[at];
  return (id && content.roleById.get(id)) || null;
}

function rolesOf(content: Content, ids: readonly string[]): Role[] {
  return ids.map((id) => content.roleById.get(id)).filter((r): r is Role => r !== undefined);
}
