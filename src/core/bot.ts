import { helpReply, listReply, tipReply, unknownReply } from './answer/simple-answers.js';
import { roleReply } from './answer/role-answer.js';
import { salaryReply, salaryWhichRoleReply } from './answer/salary-answer.js';
import type { Content, Level, Role, Tip } from './content/types.js';
import { silentLogger, type Logger } from './logger.js';
import type { IncomingMessage } from './message.js';
import type { Intent, Reply } from './reply.js';
import type { SectionId } from './sections.js';
import type { TipsCommandHandler } from './tips/tips-commands.js';
import { createQuestionReader, type QuestionReader } from './understand/question-reader.js';
import { suggestRoles as suggestRolesFor } from './understand/suggest-roles.js';
import { understand } from './understand/understand.js';

/** One answered question: the contract's `ask --json` fields plus the reply. */
export interface Answer {
  intent: Intent;
  role: string | null;
  section: SectionId | null;
  level: Level | null;
  location: string | null;
  confidence: number;
  suggestions: string[];
  reply: Reply;
}

export interface BotOptions {
  content: Content;
  logger?: Logger;
  /** Injected so "this week's tip" is testable without patching Date. */
  clock?: () => Date;
  /** Weekly-tip admin commands; without it `/career tips ...` says tips are off. */
  tipsCommands?: TipsCommandHandler;
}

export interface Bot {
  readonly content: Content;
  readonly reader: QuestionReader;
  answer(text: string): Answer;
  /** Answers a platform message; async because tips commands touch the store. */
  handle(message: IncomingMessage): Promise<Reply>;
  /** Roles for a partly typed name, best first (Discord autocomplete). */
  suggestRoles(partial: string, limit: number): Role[];
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

export function createBot(options: BotOptions): Bot {
  const { content } = options;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? (() => new Date());
  const reader = createQuestionReader(content);

  const tipOfTheWeek = (role: Role | null): Tip | undefined => {
    const pool = role ? content.tips.filter((t) => t.roles.includes(role.id)) : content.tips;
    return pool[Math.floor(clock().getTime() / WEEK_MS) % Math.max(1, pool.length)];
  };

  const answer = (text: string): Answer => {
    const u = understand(reader, text);
    const role = u.role;
    let reply: Reply;
    switch (u.intent) {
      case 'role':
        reply = roleReply(content, role!, u.section ?? 'overview');
        break;
      case 'salary':
        reply = role ? salaryReply(content, role, u.level, u.place) : salaryWhichRoleReply(content);
        break;
      case 'list':
        reply = listReply(content);
        break;
      case 'help':
        reply = helpReply(content);
        break;
      case 'tip':
        reply = tipReply(content, tipOfTheWeek(role), role);
        break;
      case 'unknown':
        reply = unknownReply(content, text, u.suggestions.map((s) => s.role));
        break;
    }
    const salary = u.intent === 'salary' ? role?.salary : undefined;
    return {
      intent: u.intent,
      role: role?.id ?? null,
      section: u.intent === 'role' ? u.section : null,
      level: salary && u.level && salary.levels[u.level] ? u.level : null,
      location: salary && u.place?.id && salary.locations[u.place.id] ? u.place.id : null,
      confidence: u.confidence,
      suggestions: u.suggestions.map((s) => s.role.id),
      reply,
    };
  };

  const handle = async (message: IncomingMessage): Promise<Reply> => {
    const tips = tipsCommandArgs(message);
    const reply = tips ? await tipsCommand(message, tips[1] ?? '') : replyTo(message);
    logger.debug({ platform: message.platform, kind: message.kind, intent: reply.intent, role: reply.role }, 'answered');
    // Slash commands and DMs are answered to the asker only; mentions in a
    // channel are public unless the reply itself is private (pay, unknowns).
    return { ...reply, private: reply.private || message.kind === 'command' || message.channel.kind === 'dm' };
  };

  const tipsCommand = (message: IncomingMessage, args: string): Promise<Reply> | Reply =>
    options.tipsCommands?.handle(message, args) ?? {
      intent: 'help',
      title: 'Weekly tips are off',
      blocks: [{ type: 'paragraph', text: 'Weekly skill tips are not enabled on this bot.' }],
      choices: [],
      private: true,
    };

  const replyTo = (message: IncomingMessage): Reply => {
    const action = message.action;
    if (message.kind === 'button' && action) {
      if (action.type === 'list') return listReply(content);
      if (action.type === 'help') return helpReply(content);
      const role = content.roleById.get(action.role);
      return role ? roleReply(content, role, action.section) : unknownReply(content, action.role, []);
    }
    if (message.kind === 'command' && message.text.trim() === '') return listReply(content);
    return answer(message.text).reply;
  };

  const suggestRoles = (partial: string, limit: number): Role[] => suggestRolesFor(reader, partial, limit);

  return { content, reader, answer, handle, suggestRoles };
}

/** The arguments of a `/career tips ...` command, or null for any other message. */
export function tipsCommandArgs(message: Pick<IncomingMessage, 'kind' | 'text'>): RegExpExecArray | null {
  return message.kind === 'command' ? /^\s*tips\b\s*(.*)$/is.exec(message.text) : null;
}
