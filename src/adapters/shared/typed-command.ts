import type { Envelope, IncomingMessage } from '../../core/message.js';
import { readTipsText } from '../../core/tips/tips-request.js';

/**
 * A slash command's typed text as the core's message, read once at the edge:
 * `tips ...` becomes a typed tips command, `report [DATE]` a report request, anything else a question.
 */
export function commandMessage(envelope: Envelope, text: string): IncomingMessage {
  const report = /^\s*report(?:\s+(\d{4}-\d{2}-\d{2}))?\s*$/i.exec(text);
  if (report) return { ...envelope, kind: 'report', since: report[1] ?? null };
  const tips = readTipsText(text, envelope.surface);
  return tips ? { ...envelope, kind: 'tips', command: tips } : { ...envelope, kind: 'question', via: 'command', text };
}
