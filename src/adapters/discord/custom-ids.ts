import { decodeAction, encodeAction } from '../../core/actions.js';
import type { Action } from '../../core/reply.js';

/**
 * What a button press asks for. Navigation ids are the core's action codes
 * as they are (`s:role:section`); paging and sharing add a short prefix. All
 * fit Discord's 100-character `custom_id`.
 */
export type ButtonRequest =
  | { kind: 'navigate'; action: Action; page: number }
  | { kind: 'share'; action: Action };

export function navigateId(action: Action, page = 0): string {
  return page > 0 ? `pg:${page}:${encodeAction(action)}` : encodeAction(action);
}

export function shareId(action: Action): string {
  return `sh:${encodeAction(action)}`;
}

/** Parses an id made by this module; anything else (an old or forged id) is `null`. */
export function parseCustomId(id: string): ButtonRequest | null {
  if (id.startsWith('sh:')) {
    const action = decodeAction(id.slice(3));
    return action ? { kind: 'share', action } : null;
  }
  const paged = /^pg:(\d{1,3}):(.+)$/.exec(id);
  const action = decodeAction(paged ? paged[2]! : id);
  return action ? { kind: 'navigate', action, page: paged ? Number(paged[1]) : 0 } : null;
}
