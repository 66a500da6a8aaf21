import { encodeAction } from '../../core/actions.js';
import type { Reply } from '../../core/reply.js';

/** Helpful / Not helpful as [label, encoded action] pairs, on every platform; none when the reply takes no votes. */
export function voteButtons(reply: Reply): [string, string][] {
  const target = reply.feedback;
  if (!target) return [];
  return [
    ['👍 Helpful', encodeAction({ type: 'feedback', helpful: true, ...target })],
    ['👎 Not helpful', encodeAction({ type: 'feedback', helpful: false, ...target })],
  ];
}

/** A vote's acknowledgement as one line of plain text. */
export function ackText(reply: Reply): string {
  return reply.blocks
    .map((b) => (b.type === 'paragraph' ? b.text : ''))
    .join(' ')
    .trim();
}
