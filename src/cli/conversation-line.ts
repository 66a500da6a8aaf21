/** One line of `ask --json --conversation`: what it asks, or why it cannot be read. */
export type ConversationLine = { ok: true; conversation: string; text: string } | { ok: false; error: string };

/**
 * Reads `{"conversation": ID, "text": QUESTION}`. A numeric id is taken as its
 * digits (people write `"conversation": 7`); anything else wrong is a per-line
 * error, never a throw.
 */
export function parseConversationLine(line: string, cut: boolean, maxChars: number): ConversationLine {
  if (cut) return { ok: false, error: `line longer than ${maxChars} characters` };
  if (line.trim() === '') return { ok: false, error: 'empty line: expected {"conversation": ID, "text": QUESTION}' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not JSON: expected {"conversation": ID, "text": QUESTION}' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'not a JSON object: expected {"conversation": ID, "text": QUESTION}' };
  const { conversation, text } = value as Record<string, unknown>;
  if (typeof text !== 'string') return { ok: false, error: '"text" missing or not a string' };
  if (typeof conversation === 'number' && Number.isFinite(conversation))
    return { ok: true, conversation: String(conversation), text };
  if (typeof conversation !== 'string') return { ok: false, error: '"conversation" missing or not a string' };
  return { ok: true, conversation, text };
}
