import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { commandMessage } from '../../src/adapters/shared/typed-command.js';
import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import type { Envelope, IncomingMessage } from '../../src/core/message.js';
import type { Action } from '../../src/core/reply.js';
import type { TipsCommand } from '../../src/core/tips/tips-request.js';

const SURFACES = { slack: slackSurface, discord: discordSurface, console: consoleSurface };

/** Who and where, as the named platform's adapter would say it. */
export function envelope(
  platform: keyof typeof SURFACES = 'slack',
  o: { channel?: string; dm?: boolean; user?: { id: string; name?: string } } = {},
): Envelope {
  const user = o.user ?? { id: 'u' };
  const channel = o.channel ?? 'c';
  return {
    platform,
    surface: SURFACES[platform],
    conversation: { platform, workspace: null, channel, thread: null, user: user.id },
    user,
    channel: { id: channel, kind: o.dm ? 'dm' : 'channel' },
  };
}

export const question = (env: Envelope, via: 'command' | 'dm' | 'mention', text: string): IncomingMessage => ({
  ...env,
  kind: 'question',
  via,
  text,
});
export const press = (env: Envelope, action: Action): IncomingMessage => ({ ...env, kind: 'button', action });
/** A slash command's text, read the way Slack and the console read it. */
export const command = (env: Envelope, text: string): IncomingMessage => commandMessage(env, text);

/** A tips command as the words it stands for (`subscribe fri 10:00 Europe/Berlin`), for fakes that echo it. */
export function commandWords(c: TipsCommand): string {
  if (c.sub === 'help') return ['help', c.unknown].filter(Boolean).join(' ');
  if (c.sub !== 'subscribe') return c.sub;
  if ('unreadable' in c) return `subscribe (unreadable: ${c.unreadable})`;
  return ['subscribe', c.schedule.day, c.schedule.time, c.schedule.timeZone].filter(Boolean).join(' ');
}
