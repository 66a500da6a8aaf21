import type { Action } from './reply.js';

export type Platform = 'slack' | 'discord' | 'console';

/** Who is talking where: a conversation's context is kept under this key (see src/core/conversation/). */
export interface ConversationKey {
  platform: string;          // 'slack' | 'discord' | 'console' | future platforms
  workspace: string | null;  // Slack team id / Discord guild id; null in DMs without one and in the console
  channel: string;           // channel or DM id
  thread: string | null;     // Slack thread_ts for thread replies; null elsewhere
  user: string;              // the person; a Slack thread or a DM is still keyed per person
}

/** What any platform hands the core: text, who, where, and how it arrived. */
export interface IncomingMessage {
  platform: Platform;
  kind: 'command' | 'dm' | 'mention' | 'button';
  text: string;
  user: { id: string; name?: string };
  channel: { id: string; kind: 'dm' | 'channel' };
  conversation: ConversationKey;
  /** For `kind: 'button'`: the decoded action of the pressed button. */
  action?: Action;
  /**
   * Whether the sender may change this channel's settings (tips). Lazy: only
   * admin commands pay for the platform lookup it may need.
   */
  isAdmin?: () => Promise<boolean>;
  /** The workspace's or server's usual IANA time zone, when the platform can tell (lazy, like isAdmin). */
  timeZone?: () => Promise<string | undefined>;
}
