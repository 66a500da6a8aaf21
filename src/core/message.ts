import type { Action } from './reply.js';
import type { Surface } from './surface.js';
import type { TipsCommand } from './tips/tips-request.js';

/** Who is talking where: a conversation's context is kept under this key (see src/core/conversation/). */
export interface ConversationKey {
  platform: string; // 'slack' | 'discord' | 'console' | future platforms
  workspace: string | null; // Slack team id / Discord guild id; null in DMs without one and in the console
  channel: string; // channel or DM id
  thread: string | null; // Slack thread_ts for thread replies; null elsewhere
  user: string; // the person; a Slack thread or a DM is still keyed per person
}

/** Who sent a message, where, and how that platform writes commands. */
export interface Envelope {
  /** The platform's name, as the store keys channels by it. */
  platform: string;
  conversation: ConversationKey;
  /**
   * The org the workspace belongs to (a Slack Enterprise Grid org id), null
   * when it has none; absent where the platform has no such thing.
   */
  organization?: string | null;
  surface: Surface;
  user: { id: string; name?: string };
  channel: { id: string; kind: 'dm' | 'channel' };
  /**
   * Whether the sender may change this channel's settings (tips). Lazy: only
   * admin commands pay for the platform lookup it may need.
   */
  isAdmin?: () => Promise<boolean>;
  /** Whether the sender may read the usage report: workspace admins (Slack), Manage Server (Discord). Lazy. */
  canReadReports?: () => Promise<boolean>;
  /** The workspace's or server's usual IANA time zone, when the platform can tell (lazy, like isAdmin). */
  timeZone?: () => Promise<string | undefined>;
}

/** Text to answer: a slash command's text, a DM, or a mention (the mention itself removed). */
export interface QuestionMessage extends Envelope {
  kind: 'question';
  via: 'command' | 'dm' | 'mention';
  text: string;
}

/** A pressed button (or a numbered choice in the console), already decoded. */
export interface ButtonMessage extends Envelope {
  kind: 'button';
  action: Action;
}

/** A weekly-tips command with its subcommand and schedule fields read at the edge. */
export interface TipsMessage extends Envelope {
  kind: 'tips';
  command: TipsCommand;
}

/** `/career report [YYYY-MM-DD]`: an admin's usage report (src/learn/usage-report.ts), answered privately. */
export interface ReportMessage extends Envelope {
  kind: 'report';
  since: string | null;
}

/** What any platform hands the core. */
export type IncomingMessage = QuestionMessage | ButtonMessage | TipsMessage | ReportMessage;
