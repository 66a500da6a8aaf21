import type { Content, Role } from '../content/types.js';
import { compareChart, salaryChart } from '../chart/pay-chart.js';
import { encodeAction } from '../actions.js';
import { isFeedbackIntent, type FeedbackTarget } from '../feedback.js';
import type { Reply } from '../reply.js';

/** Discord's custom-id limit is the tighter of the two platforms' (Slack allows 2,000). */
const MAX_ENCODED = 100;

/**
 * Adds to a career answer what lets people react to it and see it: the
 * Helpful / Not helpful target and, for pay answers and comparisons of roles
 * with pay figures, a chart. Other replies pass through unchanged.
 */
export function withFeedback(content: Content, reply: Reply): Reply {
  const roles = reply.roles?.length ? reply.roles : reply.role ? [reply.role] : [];
  if (!isFeedbackIntent(reply.intent) || roles.length === 0) return reply;
  const target: FeedbackTarget = { intent: reply.intent, roles: [], section: reply.section ?? null };
  // Enough roles to name the answer within a button id; a fit answer's tail adds nothing to the vote.
  for (const id of roles) {
    const next = { ...target, roles: [...target.roles, id] };
    if (encodeAction({ type: 'feedback', helpful: false, ...next }).length > MAX_ENCODED) break;
    target.roles = next.roles;
  }
  const asked = reply.recreate?.type === 'answer' ? reply.recreate : null;
  const found = roles.map((id) => content.roleById.get(id)).filter((r): r is Role => r !== undefined);
  const chart =
    reply.intent === 'salary' && found[0]
      ? salaryChart(found[0], asked?.level ?? null, asked?.location ?? null)
      : reply.intent === 'compare'
        ? compareChart(found, asked?.level ?? null)
        : null;
  return { ...reply, feedback: target, ...(chart ? { chart } : {}) };
}
