import type { TipsMessage } from '../message.js';
import type { Reply } from '../reply.js';

/**
 * Handles a weekly-tips command (subscribe, unsubscribe, status, preview,
 * pause, resume, skip). The adapter supplies `isAdmin` on the message; the
 * handler checks it for changes and answers privately.
 */
export interface TipsCommandHandler {
  handle(message: TipsMessage): Promise<Reply>;
}
