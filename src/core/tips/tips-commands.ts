import type { IncomingMessage } from '../message.js';
import type { Reply } from '../reply.js';

/**
 * Handles `/career tips <subcommand> ...` (subscribe, unsubscribe, status,
 * preview, pause, resume, skip). The adapter supplies `isAdmin` on the message;
 * the handler checks it for changes and answers privately.
 */
export interface TipsCommandHandler {
  handle(message: IncomingMessage, args: string): Promise<Reply>;
}
