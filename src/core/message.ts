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
}
