import type { Action } from './reply.js';
import type { Level } from './content/types.js';
import { isSectionId, type SectionId } from './sections.js';
import type { FeedbackIntent } from './feedback.js';

const FEEDBACK_CODES: Record<FeedbackIntent, string> = { role: 'r', salary: 'p', compare: 'c', fit: 'f' };
const FEEDBACK_BY_CODE = new Map(
  Object.entries(FEEDBACK_CODES).map(([intent, code]) => [code, intent as FeedbackIntent]),
);

/**
 * Actions travel in button values (Slack: 2,000 chars) and custom ids
 * (Discord: 100 chars), so the encoding is short and versioned by prefix.
 */
export function encodeAction(action: Action): string {
  switch (action.type) {
    case 'section':
      return `s:${action.role}:${action.section}`;
    case 'list':
      return 'l';
    case 'help':
      return 'h';
    case 'answer':
      return [
        'a',
        action.intent === 'salary' ? 'p' : 'c',
        action.roles.join(','),
        action.section,
        action.level ?? '-',
        action.location ?? '-',
      ].join(':');
    case 'feedback':
      return [
        'f',
        action.helpful ? '+' : '-',
        FEEDBACK_CODES[action.intent],
        action.roles.join(','),
        action.section ?? '-',
      ].join(':');
  }
}

/** Parses a value made by `encodeAction`; anything else is `null`, never a throw. */
export function decodeAction(value: string): Action | null {
  if (value === 'l') return { type: 'list' };
  if (value === 'h') return { type: 'help' };
  const m = /^s:([a-z0-9][a-z0-9-]{0,63}):([a-z-]+)$/.exec(value);
  if (m && isSectionId(m[2]!)) return { type: 'section', role: m[1]!, section: m[2] };
  const a = /^a:([pc]):((?:[a-z0-9][a-z0-9-]{0,63},?){1,5}):([a-z-]+):(entry|mid|senior|-):([a-z0-9-]{1,64})$/.exec(
    value,
  );
  if (a && isSectionId(a[3]!)) {
    const roles = a[2]!.split(',').filter(Boolean);
    return {
      type: 'answer',
      intent: a[1] === 'p' ? 'salary' : 'compare',
      roles,
      section: a[3],
      level: a[4] === '-' ? null : (a[4] as Level),
      location: a[5] === '-' ? null : a[5]!,
    };
  }
  const f = /^f:([+-]):([rpcf]):((?:[a-z0-9][a-z0-9-]{0,63},?){0,5}):([a-z-]+)$/.exec(value);
  if (f && (f[4] === '-' || isSectionId(f[4]!))) {
    const section: SectionId | null = f[4] === '-' ? null : f[4];
    return {
      type: 'feedback',
      helpful: f[1] === '+',
      intent: FEEDBACK_BY_CODE.get(f[2]!)!,
      roles: f[3]!.split(',').filter(Boolean),
      section,
    };
  }
  return null;
}
