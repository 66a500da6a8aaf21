import type { Envelope, IncomingMessage } from '../../core/message.js';
import { readTipsText } from '../../core/tips/tips-request.js';

/**
 * A slash command's typed text as the core's message, read once at the edge:
 * `tips ...` becomes a typed tips command, anything else a question.
 */
export function commandMessage(envelope: Envelope, text: string): IncomingMessage {
  const tips = readTipsText(text, envelope.surface);
  return tips ? { ...envelope, kind: 'tips', command: tips } : { ...envelope, kind: 'question', via: 'command', text };
}
