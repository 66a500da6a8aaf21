import { once } from 'node:events';
import type { Answer, Bot } from '../core/bot.js';
import { conversationId } from '../core/conversation/conversation-id.js';
import { createMemoryContextStore } from '../core/conversation/memory-context-store.js';
import { EMPTY_SLOTS } from '../core/conversation/slots.js';
import { renderText } from '../core/render-text.js';
import { parseConversationLine } from './conversation-line.js';
import { MAX_LINE_CHARS, readLines } from './read-lines.js';

export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

export interface AskOptions {
  json: boolean;
  /** `--conversation`: JSON lines carrying a conversation id, answered in context. */
  conversation?: boolean;
  /** Silence after which a batch conversation starts afresh. */
  contextTtlMs?: number;
  /** Conversations held at once in batch mode; the least recently used is dropped. */
  maxConversations?: number;
  clock?: () => Date;
}

/** The contract's JSON shape for one answer. */
export function answerJson(a: Answer): Record<string, unknown> {
  return {
    intent: a.intent,
    role: a.role,
    roles: a.roles,
    section: a.section,
    level: a.level,
    location: a.location,
    confidence: a.confidence,
    suggestions: a.suggestions,
    text: renderText(a.reply),
  };
}

/**
 * `ask TEXT`, `ask --json TEXT`, `ask --json` streaming stdin, or
 * `ask --json --conversation`: one line out per line in, written as it goes
 * and paced by stdout's back-pressure, so 100,000 lines run in bounded memory.
 */
export async function askCommand(
  bot: Bot,
  text: string | undefined,
  options: AskOptions | boolean,
  io: AskIo,
): Promise<number> {
  const opts: AskOptions = typeof options === 'boolean' ? { json: options } : options;
  // A question on its own is a conversation's first turn: comparisons and
  // "which role suits me" are answered here too, with nothing carried.
  const answer = (q: string) => bot.converse(q, EMPTY_SLOTS).answer;
  if (text !== undefined) {
    const a = answer(text);
    io.stdout.write(opts.json ? `${JSON.stringify(answerJson(a))}\n` : `${renderText(a.reply)}\n`);
    return 0;
  }
  const answerLine = opts.conversation
    ? conversationAnswerer(bot, opts)
    : (line: string) => {
        const a = answer(line);
        return opts.json ? `${JSON.stringify(answerJson(a))}\n` : `${renderText(a.reply)}\n\n`;
      };
  let n = 0;
  for await (const { text: line, cut } of readLines(io.stdin)) {
    n += 1;
    const out = opts.conversation ? answerLine(line, cut, n) : answerLine(line.slice(0, MAX_LINE_CHARS), cut, n);
    if (!io.stdout.write(out)) await once(io.stdout, 'drain');
  }
  return 0;
}

/** Answers conversation lines with a bounded in-memory context per conversation id. */
function conversationAnswerer(bot: Bot, opts: AskOptions): (line: string, cut: boolean, n: number) => string {
  const clock = opts.clock ?? (() => new Date());
  const contexts = createMemoryContextStore({ ttlMs: opts.contextTtlMs, maxEntries: opts.maxConversations ?? 50_000 });
  return (line, cut, n) => {
    const parsed = parseConversationLine(line, cut, MAX_LINE_CHARS);
    if (!parsed.ok) return `${JSON.stringify({ line: n, error: parsed.error })}\n`;
    const id = conversationId(parsed.conversation);
    const now = clock();
    const turn = bot.converse(parsed.text, contexts.get(id, now) ?? EMPTY_SLOTS);
    contexts.set(id, turn.slots, now);
    return `${JSON.stringify(answerJson(turn.answer))}\n`;
  };
}
