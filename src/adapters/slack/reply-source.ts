import { decodeAction, encodeAction } from '../../core/actions.js';
import type { Bot } from '../../core/bot.js';
import type { Envelope, IncomingMessage } from '../../core/message.js';
import type { Action, Reply } from '../../core/reply.js';

/**
 * How to build a reply again from a button value. Slack does not send the
 * blocks of an ephemeral message back with a button press, so "Share in
 * channel" and "Continue reading" carry the question (or the action) instead
 * and the bot answers it again: answers are pure functions of content.
 */
export type ReplySource = { kind: 'text'; text: string } | { kind: 'action'; action: Action };

/** Button values may hold 2,000 characters; leave room for a page prefix. */
const MAX_SOURCE = 1_900;

export function encodeSource(source: ReplySource): string | null {
  const value = source.kind === 'action' ? `a:${encodeAction(source.action)}` : `t:${source.text}`;
  return value.length <= MAX_SOURCE ? value : null;
}

export function decodeSource(value: string): ReplySource | null {
  if (value.startsWith('t:')) return { kind: 'text', text: value.slice(2) };
  if (value.startsWith('a:')) {
    const action = decodeAction(value.slice(2));
    return action ? { kind: 'action', action } : null;
  }
  return null;
}

/**
 * The source of an answer to a message, or null when it cannot be rebuilt
 * faithfully. Tips commands are answered by the tips handler (stateful), so
 * they are never rebuilt.
 */
export function sourceOfText(message: IncomingMessage, reply: Reply): string | null {
  if (message.kind !== 'question') return null;
  const { text } = message;
  if (message.via === 'command' && text.trim() === '')
    return encodeSource({ kind: 'action', action: { type: 'list' } });
  // An answer that says how to build it again does not depend on the text,
  // which in a conversation ("and in Chicago?") means nothing on its own.
  const fromReply = reply.recreate
    ? encodeSource({ kind: 'action', action: reply.recreate })
    : reply.intent === 'role'
      ? sectionSource(reply)
      : null;
  return fromReply ?? encodeSource({ kind: 'text', text }) ?? sectionSource(reply);
}

function sectionSource(reply: Reply): string | null {
  return reply.role && reply.section
    ? encodeSource({ kind: 'action', action: { type: 'section', role: reply.role, section: reply.section } })
    : null;
}

/** Builds the reply a source stands for, as the asker saw it. */
export async function rebuildReply(bot: Bot, source: ReplySource, base: Envelope): Promise<Reply> {
  if (source.kind === 'text') return bot.answer(source.text, base.surface).reply;
  return bot.handle({ ...base, kind: 'button', action: source.action });
}
