import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Answer, Bot } from '../core/bot.js';
import { renderText } from '../core/render-text.js';

export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

/** The contract's JSON shape for one answer. */
export function answerJson(a: Answer): Record<string, unknown> {
  return {
    intent: a.intent,
    role: a.role,
    section: a.section,
    level: a.level,
    location: a.location,
    confidence: a.confidence,
    suggestions: a.suggestions,
    text: renderText(a.reply),
  };
}

/**
 * `ask TEXT`, `ask --json TEXT`, or `ask --json` streaming stdin: one JSON
 * line out per line in, written as it goes and paced by stdout's back-pressure
 * so 100,000 lines run in constant memory.
 */
export async function askCommand(bot: Bot, text: string | undefined, json: boolean, io: AskIo): Promise<number> {
  if (text !== undefined) {
    const a = bot.answer(text);
    io.stdout.write(json ? `${JSON.stringify(answerJson(a))}\n` : `${renderText(a.reply)}\n`);
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    const a = bot.answer(line);
    const out = json ? `${JSON.stringify(answerJson(a))}\n` : `${renderText(a.reply)}\n\n`;
    if (!io.stdout.write(out)) await once(io.stdout, 'drain');
  }
  return 0;
}
