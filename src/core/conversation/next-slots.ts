import type { Answer } from '../bot.js';
import type { Content } from '../content/types.js';
import { EMPTY_SLOTS, type ConversationSlots } from './slots.js';

/**
 * What the conversation remembers after an answer. Answers about roles set
 * the slots they resolved and keep the rest; a list offers its roles for
 * "the second one"; help and tips change nothing; a question about a role we
 * do not cover starts afresh, so "their salary" cannot reach back past it.
 */
export function nextSlots(
  content: Content,
  prev: ConversationSlots,
  answer: Answer,
  asked: { level: ConversationSlots['level']; location: string | null },
): ConversationSlots {
  switch (answer.intent) {
    case 'role':
      return {
        ...prev,
        intent: 'role',
        roles: [answer.role!],
        section: answer.section,
        offered: talkedAbout(prev, answer.role!),
      };
    case 'salary':
      if (!answer.role) return prev;
      return {
        ...prev,
        intent: 'salary',
        roles: [answer.role],
        section: 'salary',
        level: asked.level,
        location: asked.location,
        offered: talkedAbout(prev, answer.role),
      };
    case 'compare':
      return {
        ...prev,
        intent: 'compare',
        roles: answer.roles,
        section: answer.section,
        offered: answer.roles,
        level: asked.level ?? prev.level,
        location: asked.location ?? prev.location,
      };
    case 'fit':
      return { ...EMPTY_SLOTS, intent: 'fit', roles: answer.roles.slice(0, 1), offered: answer.roles };
    case 'list':
      return { ...prev, offered: content.roles.map((r) => r.id).slice(0, 5) };
    case 'help':
    case 'tip':
      return prev;
    case 'unknown':
      return EMPTY_SLOTS;
  }
}

/**
 * Moving from one role to another makes the pair the list in play, so
 * "which one pays more?" and "the first one" work after talking about two
 * roles in turn; a list offered by a comparison, a fit or the role list stays.
 */
function talkedAbout(prev: ConversationSlots, role: string): string[] {
  const before = prev.roles[0];
  const single = (prev.intent === 'role' || prev.intent === 'salary') && prev.roles.length === 1;
  if (!single || !before || before === role || prev.offered.includes(role)) return prev.offered;
  return [before, role];
}
