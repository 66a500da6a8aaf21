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
import { understand, type Understanding } from './understand/understand.js';
import { compareReply } from './answer/compare-answer.js';
import { recreateReply, withRecreate } from './answer/recreate-answer.js';
import { fitReply, fitRoles } from './answer/fit-answer.js';
import type { ContextStore } from './conversation/context-store.js';
import { conversationId } from './conversation/conversation-id.js';
import { nextSlots } from './conversation/next-slots.js';
import { resolveTurn, type Turn } from './conversation/resolve-turn.js';
import { EMPTY_SLOTS, type ConversationSlots } from './conversation/slots.js';
import type { AnswerLog } from './feedback.js';
import { withFeedback } from './answer/with-feedback.js';
import { feedbackAck, loggedAnswer, reportReply } from './answer/feedback-answer.js';
import { suggestRoles as suggestRolesFor } from './understand/suggest-roles.js';

/** One answered question: the contract's `ask --json` fields plus the reply. */
export interface Answer {
  intent: Intent;
  role: string | null;
  /** Compare: the roles side by side; fit: the roles that fit, best first; else [role] or []. */
  roles: string[];
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
  /** Conversation context between messages; without it every message stands alone. */
  contexts?: ContextStore;
  /** Usage counts, the unanswered-question log and feedback votes; without it none are kept. */
  answerLog?: AnswerLog;
  /** The usage report as lines of text, for an admin's `/career report`; without it reports are off. */
  usageReport?: (since: string | null, workspace: string | null) => Promise<string[]>;
}

/** One answered turn of a conversation and what the conversation remembers after it. */
export interface ConversationTurn {
  answer: Answer;
  slots: ConversationSlots;
}

export interface Bot {
  readonly content: Content;
  readonly reader: QuestionReader;
  /** Answers text; hints are written for `surface` (the bot's own by default). */
  answer(text: string, surface?: Surface): Answer;
  /** Answers a message as the next turn of a conversation whose slots are given. */
  converse(text: string, slots: ConversationSlots, surface?: Surface): ConversationTurn;
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

  const answer = (text: string, surface: Surface = options.surface): Answer =>
    fromUnderstanding(understand(reader, text), text, surface);

  const fromUnderstanding = (u: Understanding, text: string, surface: Surface): Answer => {
    const a = understood(u, text, surface);
    return { ...a, reply: withFeedback(content, a.reply) };
  };

  const understood = (u: Understanding, text: string, surface: Surface): Answer => {
    const role = u.role;
    let reply: Reply;
    switch (u.intent) {
      case 'role':
        reply = roleReply(content, role!, u.section ?? 'overview');
        break;
      case 'salary':
        reply = role
          ? withRecreate(salaryReply(content, role, u.level, u.place), {
              type: 'answer',
              intent: 'salary',
              roles: [role.id],
              section: 'salary',
              level: u.level,
              location: u.place?.id ?? null,
            })
          : salaryWhichRoleReply(content);
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
      default:
        reply = unknownReply(
          content,
          text,
          u.suggestions.map((s) => s.role),
          surface,
        );
        break;
    }
    const salary = u.intent === 'salary' ? role?.salary : undefined;
    return {
      intent: u.intent,
      role: role?.id ?? null,
      roles: role ? [role.id] : [],
      section: u.intent === 'role' ? u.section : null,
      level: salary && u.level && salary.levels[u.level] ? u.level : null,
      location: salary && u.place?.id && salary.locations[u.place.id] ? u.place.id : null,
      confidence: u.confidence,
      suggestions: u.suggestions.map((s) => s.role.id),
      reply,
    };
  };

  const answerTurn = (turn: Turn, text: string, surface: Surface): Answer => {
    if (turn.kind === 'single') return fromUnderstanding(turn.understanding, text, surface);
    const empty = { level: null, location: null, suggestions: [] };
    if (turn.kind === 'compare') {
      const ids = turn.roles.map((r) => r.id);
      const reply = withRecreate(compareReply(content, turn.roles, turn.section, turn.level, turn.place), {
        type: 'answer',
        intent: 'compare',
        roles: ids,
        section: turn.section,
        level: turn.level,
        location: turn.place?.id ?? null,
      });
      return {
        ...empty,
        intent: 'compare',
        role: ids[0]!,
        roles: ids,
        section: turn.section,
        confidence: 1,
        reply: withFeedback(content, reply),
      };
    }
    const matches = fitRoles(reader, text);
    const ids = matches.map((m) => m.role.id);
    return {
      ...empty,
      intent: 'fit',
      role: ids[0] ?? null,
      roles: ids,
      section: null,
      confidence: matches.length ? 1 : 0,
      reply: withFeedback(content, fitReply(content, matches)),
    };
  };

  const converse = (text: string, slots: ConversationSlots, surface: Surface = options.surface): ConversationTurn => {
    const turn = resolveTurn(reader, content, text, slots);
    const a = answerTurn(turn, text, surface);
    const asked =
      turn.kind === 'single'
        ? { level: turn.understanding.level, location: turn.understanding.place?.id ?? null }
        : turn.kind === 'compare'
          ? { level: turn.level, location: turn.place?.id ?? null }
          : { level: null, location: null };
    const keep = turn.kind === 'single' && turn.keepsContext === true && a.intent === 'unknown';
    return { answer: a, slots: keep ? slots : nextSlots(content, slots, a, asked) };
  };

  const handle = async (message: IncomingMessage): Promise<Reply> => {
    const reply =
      message.kind === 'tips'
        ? await tipsCommand(message)
        : message.kind === 'button'
          ? await pressed(message)
          : message.kind === 'report'
            ? await reportReply(message, options.usageReport)
            : await question(message);
    logger.debug(
      { platform: message.platform, kind: message.kind, intent: reply.intent, role: reply.role },
      'answered',
    );
    // Slash commands and DMs are answered to the asker only; mentions in a
    // channel are public unless the reply itself is private (pay, unknowns).
    const command =
      message.kind === 'tips' ||
      message.kind === 'report' ||
      (message.kind === 'question' && message.via === 'command');
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

  const pressed = async ({ action, surface, platform, user, conversation }: ButtonMessage): Promise<Reply> => {
    if (action.type === 'feedback') {
      const { type: _, helpful, ...target } = action;
      const outcome = options.answerLog
        ? await options.answerLog.vote({ platform, workspace: conversation.workspace, user: user.id, helpful, target })
        : 'unkept';
      return feedbackAck(helpful, outcome);
    }
    if (action.type === 'list') return listReply(content, surface);
    if (action.type === 'help') return helpReply(content, surface);
    if (action.type === 'answer')
      return withFeedback(
        content,
        recreateReply(content, action) ?? unknownReply(content, action.roles.join(' '), [], surface),
      );
    const role = content.roleById.get(action.role);
    return withFeedback(
      content,
      role ? roleReply(content, role, action.section) : unknownReply(content, action.role, [], surface),
    );
  };

  // The context is read before and written after the answer: one small upsert
  // per answer, and only for questions (buttons re-create an answer already
  // given and leave the conversation as it was). Without a store every
  // message is a conversation's first turn.
  const question = async (message: QuestionMessage): Promise<Reply> => {
    const { surface } = message;
    if (message.via === 'command' && message.text.trim() === '') return listReply(content, surface);
    const store = options.contexts;
    const id = conversationId(message.conversation);
    const slots = (store && (await store.load(id, clock()))) || EMPTY_SLOTS;
    const turn = converse(message.text, slots, surface);
    if (store) await store.save(id, turn.slots, clock());
    const answered = turn.answer;
    // A log that fails must not cost the asker their answer.
    await options.answerLog
      ?.answered(loggedAnswer(content, message, answered))
      .catch((err: unknown) => logger.warn({ err }, 'could not log the answer'));
    if (answered.intent !== 'tip' || answered.role || message.channel.kind !== 'channel' || !options.channelTip)
      return answered.reply;
    // A channel that gets weekly tips is shown its own tip of the week, the one posted (or about to be) there.
    const tip = await options
      .channelTip({ platform: message.platform, channelId: message.channel.id })
      .catch((err: unknown) => {
        logger.warn(
          { err, platform: message.platform, channel: message.channel.id },
          "could not read the channel's tip of the week; answering with the week's tip",
        );
        return null;
      });
    return tip ? tipReply(content, tip, null, surface) : answered.reply;
  };

  const suggestRoles = (partial: string, limit: number): Role[] => suggestRolesFor(reader, partial, limit);

  return { content, reader, answer, converse, handle, suggestRoles };
}
