import type { Content } from '../content/types.js';
import type { AnsweredQuestion, VoteOutcome } from '../feedback.js';
import type { Reply } from '../reply.js';
import type { Answer } from '../bot.js';

/** The private thanks for a Helpful / Not helpful press. */
export function feedbackAck(helpful: boolean, outcome: VoteOutcome): Reply {
  const text =
    outcome === 'changed' ? `Vote changed: noted as ${helpful ? 'helpful' : 'not helpful'}.`
    : outcome === 'unchanged' ? `You already marked that answer as ${helpful ? 'helpful' : 'not helpful'}.`
    : outcome === 'unkept' ? 'Thanks. (This bot runs without a store, so votes are not kept.)'
    : helpful ? 'Thanks, glad it helped.' : 'Thanks for saying so: the people who keep the profiles will see it.';
  return { intent: 'help', title: 'Feedback', blocks: [{ type: 'paragraph', text }], choices: [], private: true };
}

/** What the answer log is told about one answered question. */
export function loggedAnswer(content: Content, platform: string, text: string, a: Answer): AnsweredQuestion {
  const role = a.role ? content.roleById.get(a.role) : undefined;
  const noSection = a.intent === 'role' && role !== undefined && a.section !== null && a.section !== 'salary' && !role.sections.has(a.section);
  return { platform, text, intent: a.intent, roles: a.roles, section: a.section, level: a.level, confidence: a.confidence, suggestions: a.suggestions, noSection };
}
