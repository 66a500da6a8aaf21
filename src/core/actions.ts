import type { Action } from './reply.js';
import { isSectionId } from './sections.js';

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
  }
}

/** Parses a value made by `encodeAction`; anything else is `null`, never a throw. */
export function decodeAction(value: string): Action | null {
  if (value === 'l') return { type: 'list' };
  if (value === 'h') return { type: 'help' };
  const m = /^s:([a-z0-9][a-z0-9-]{0,63}):([a-z-]+)$/.exec(value);
  if (m && isSectionId(m[2]!)) return { type: 'section', role: m[1]!, section: m[2] };
  return null;
}
