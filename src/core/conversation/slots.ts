import type { Level } from '../content/types.js';
import type { SectionId } from '../sections.js';

/**
 * What a conversation remembers between answers: resolved ids only, never
 * the person's words, so a stored context says nothing they typed.
 */
export interface ConversationSlots {
  /** The kind of the last answer that was about roles; null before any. */
  intent: 'role' | 'salary' | 'compare' | 'fit' | null;
  /** The role(s) being talked about: one, or those compared. */
  roles: string[];
  /** The topic: a section id, `salary` for pay. */
  section: SectionId | null;
  level: Level | null;
  /** A location id the pay data covers. */
  location: string | null;
  /** The last list of roles offered (compared or fitting), for "the second one". */
  offered: string[];
}

export const EMPTY_SLOTS: ConversationSlots = Object.freeze({
  intent: null,
  roles: [],
  section: null,
  level: null,
  location: null,
  offered: [],
});

/** Caps what one context may hold, whatever a (corrupt or hostile) row says. */
export function boundedSlots(slots: ConversationSlots): ConversationSlots {
  return { ...slots, roles: slots.roles.slice(0, 5), offered: slots.offered.slice(0, 5) };
}
