import type { Surface } from '../../core/surface.js';

/**
 * How a pressed button is answered, on every platform: a message only the
 * presser sees (ephemeral, or in a DM) changes in place; a message everyone
 * in a channel sees is never rewritten by one reader, so there the presser
 * gets the answer privately.
 */
export function buttonResponse(message: { ephemeral: boolean; inChannel: boolean }): 'update' | 'private' {
  return message.ephemeral || !message.inChannel ? 'update' : 'private';
}

/** Said privately for a button whose value no longer decodes (an older version's, or tampered with). */
export function expiredButton(surface: Surface): string {
  return `That button has expired. Ask again with ${surface.ask()}.`;
}
