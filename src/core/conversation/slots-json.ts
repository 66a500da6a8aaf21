import { z } from 'zod';
import { LEVELS } from '../content/types.js';
import { SECTION_IDS } from '../sections.js';
import { boundedSlots, type ConversationSlots } from './slots.js';

const id = z.string().max(128);
const schema = z.object({
  intent: z.enum(['role', 'salary', 'compare', 'fit']).nullable(),
  roles: z.array(id).max(5),
  section: z.enum(SECTION_IDS).nullable(),
  level: z.enum(LEVELS).nullable(),
  location: id.nullable(),
  offered: z.array(id).max(5),
});

export function slotsToJson(slots: ConversationSlots): string {
  return JSON.stringify(boundedSlots(slots));
}

/** A stored context read back; a row this build cannot read is no context rather than a fault. */
export function slotsFromJson(text: string): ConversationSlots | null {
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
