import type { Content, Role } from '../content/types.js';
import type { Action, Reply } from '../reply.js';
import type { PlaceMention } from '../understand/locations.js';
import { compareReply } from './compare-answer.js';
import { salaryReply } from './salary-answer.js';

type AnswerAction = Extract<Action, { type: 'answer' }>;

/** Builds again the pay or comparison answer an action describes; null when its roles are gone. */
export function recreateReply(content: Content, action: AnswerAction): Reply | null {
  const roles = action.roles.map((id) => content.roleById.get(id)).filter((r): r is Role => r !== undefined);
  if (roles.length !== action.roles.length || roles.length === 0) return null;
  const place = placeOf(content, action.location);
  if (action.intent === 'salary') return withRecreate(salaryReply(content, roles[0]!, action.level, place), action);
  return roles.length >= 2
    ? withRecreate(compareReply(content, roles, action.section, action.level, place), action)
    : null;
}

/** The action that re-creates a pay or comparison reply, attached to it. */
export function withRecreate(reply: Reply, action: AnswerAction): Reply {
  return { ...reply, recreate: action };
}

/** A location id back as a place, named as the pay data names it. */
export function placeOf(content: Content, id: string | null): PlaceMention | null {
  if (!id) return null;
  const named = content.roles.map((r) => r.salary?.locations[id]?.name).find((n) => n !== undefined);
  const name = named ?? id.replace(/-/g, ' ').replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return { id, name, from: -1, to: -1 };
}
