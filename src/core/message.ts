import type { Action } from './reply.js';

export type Platform = 'slack' | 'discord' | 'console';

/** What any platform hands the core: text, who, where, and how it arrived. */
export interface IncomingMessage {
  platform: Platform;
  kind: 'command' | 'dm' | 'mention' | 'button';
  text: string;
  user: { id: string; name?: string };
  channel: { id: string; kind: 'dm' | 'channel' };
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
