import { createHash } from 'node:crypto';
import type { ConversationKey } from '../message.js';

/**
 * The store's id for a conversation: a hash of its key, so every id has the
 * same short length whatever the platform hands us, and the store holds no
 * user or channel id in the clear.
 */
export function conversationId(key: ConversationKey | string): string {
  const raw =
    typeof key === 'string'
      ? `raw\u0000${key}`
      : [key.platform, key.workspace ?? '', key.channel, key.thread ?? '', key.user].join('\u0000');
  return createHash('sha256').update(raw).digest('base64url');
}
