import { helpReply, listReply, tipReply, unknownReply } from './answer/simple-answers.js';
import { roleReply } from './answer/role-answer.js';
import { salaryReply, salaryWhichRoleReply } from './answer/salary-answer.js';
import type { Content, Level, Role, Tip } from './content/types.js';
import { silentLogger, type Logger } from './logger.js';
import type { ButtonMessage, IncomingMessage, QuestionMessage, TipsMessage } from './message.js';
import type { Intent, Reply } from './reply.js';
import type { SectionId } from './sections.js';
import type { Surface } from './surface.js';
import type { ChannelRef } from './tips/subscription.js';
import type { TipsCommandHandler } from './tips/tips-commands.js';
import { createQuestionReader, type QuestionReader } from './understand/question-reader.js';
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
  /** Weekly-tip admin commands; without it a tips command says tips are off. */
  tipsCommands?: TipsCommandHandler;
  /**
   * The tip a subscribed channel gets this week (the weekly-tips picker), so
   * "send me a tip" there shows what the channel is posted; null when the
   * channel is not subscribed. Without it every channel gets the week's tip.
   */
  channelTip?: (channel: ChannelRef) => Promise<Tip | null>;
  /** How `answer(text)` writes command hints when no message names a surface (the CLI's `ask`). */
  surface: Surface;
}

export interface Bot {
  readonly content: Content;
  readonly reader: QuestionReader;
  /** Answers text; hints are written for `surface` (the bot's own by default). */
  answer(text: string, surface?: Surface): Answer;
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

  const answer = (text: string, surface: Surface = options.surface): Answer => {
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
        reply = listReply(content, surface);
        break;
      case 'help':
        reply = helpReply(content, surface);
        break;
      case 'tip':
        reply = tipReply(content, tipOfTheWeek(role), role, surface);
        break;
      case 'unknown':
        reply = unknownReply(content, text, u.suggestions.map((s) => s.role), surface);
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
    const reply = message.kind === 'tips' ? await tipsCommand(message) : message.kind === 'button' ? pressed(message) : await question(message);
    logger.debug({ platform: message.platform, kind: message.kind, intent: reply.intent, role: reply.role }, 'answered');
    // Slash commands and DMs are answered to the asker only; mentions in a
    // channel are public unless the reply itself is private (pay, unknowns).
    const command = message.kind === 'tips' || (message.kind === 'question' && message.via === 'command');
    return { ...reply, private: reply.private || command || message.channel.kind === 'dm' };
  };

  const tipsCommand = (message: TipsMessage): Promise<Reply> | Reply =>
    options.tipsCommands?.handle(message) ?? {
      intent: 'help',
      title: 'Weekly tips are off',
      blocks: [{ type: 'paragraph', text: 'Weekly skill tips are not enabled on this bot.' }],
      choices: [],
      private: true,
    };

  const pressed = ({ action, surface }: ButtonMessage): Reply => {
    if (action.type === 'list') return listReply(content, surface);
    if (action.type === 'help') return helpReply(content, surface);
    const role = content.roleById.get(action.role);
    return role ? roleReply(content, role, action.section) : unknownReply(content, action.role, [], surface);
  };

  const question = async (message: QuestionMessage): Promise<Reply> => {
    const { surface } = message;
    if (message.via === 'command' && message.text.trim() === '') return listReply(content, surface);
    const answered = answer(message.text, surface);
    if (answered.intent !== 'tip' || answered.role || message.channel.kind !== 'channel' || !options.channelTip) return answered.reply;
    // A channel that gets weekly tips is shown its own tip of the week, the one posted (or about to be) there.
    const tip = await options.channelTip({ platform: message.platform, channelId: message.channel.id }).catch((err: unknown) => {
      logger.warn({ err, platform: message.platform, channel: message.channel.id }, "could not read the channel's tip of the week; answering with the week's tip");
      return null;
    });
    return tip ? tipReply(content, tip, null, surface) : answered.reply;
  };

  const suggestRoles = (partial: string, limit: number): Role[] => {
    const text = partial.trim();
    if (!text) return content.roles.slice(0, limit);
    const u = understand(reader, text);
    const ranked = u.role ? [u.role, ...u.suggestions.map((s) => s.role)] : u.suggestions.map((s) => s.role);
    const lower = text.toLowerCase();
    // Prefix matches on titles and aliases catch words still being typed ("knowl").
    for (const r of content.roles) {
      if (ranked.length >= limit) break;
      if (!ranked.includes(r) && [r.title, ...r.aliases].some((n) => n.toLowerCase().includes(lower))) ranked.push(r);
    }
    return [...new Set(ranked)].slice(0, limit);
  };

  return { content, reader, answer, handle, suggestRoles };
}
