import { decodeAction, encodeAction } from '../../core/actions.js';
import type { Action } from '../../core/reply.js';

/**
 * What a button press asks for. Navigation ids are the core's action codes
 * as they are (`s:role:section`); paging adds a short prefix. Share needs no
 * action: it reposts the message the button is on. All fit Discord's
 * 100-character `custom_id`.
 */
export type ButtonRequest = { kind: 'navigate'; action: Action; page: number } | { kind: 'share' };

const SHARE_ID = 'sh';

export function navigateId(action: Action, page = 0): string {
  return page > 0 ? `pg:${page}:${encodeAction(action)}` : encodeAction(action);
}

export function shareId(): string {
  return SHARE_ID;
}

/** Parses an id made by this module; anything else (an old or forged id) is `null`. */
export function parseCustomId(id: string): ButtonRequest | null {
  // `sh:<action>` is what earlier versions put on Share; it still shares the message it is on.
  if (id === SHARE_ID || (id.startsWith('sh:') && decodeAction(id.slice(3)))) return { kind: 'share' };
  const paged = /^pg:(\d{1,3}):(.+)$/.exec(id);
  const action = decodeAction(paged ? paged[2]! : id);
  return action ? { kind: 'navigate', action, page: paged ? Number(paged[1]) : 0 } : null;
}
