import type { webApi } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import type { Envelope } from '../../core/message.js';
import { slackSurface } from './slack-surface.js';
import type { AfterAcks } from './guard.js';
import { unescapeSlack } from './mrkdwn.js';

/** What every listener needs; passed in, never imported. */
export interface SlackDeps {
  bot: Bot;
  config: Config;
  logger: Logger;
  /** Awaited after `ack()`, before any answering work. */
  afterAcks: AfterAcks;
}

/** The parts of an IncomingMessage that say who and where. */
export type Origin = Envelope;

/** Where a Slack message sits: the workspace (team id), its org, the channel, and the thread it is answered in. */
export interface Where {
  team: string | null;
  /** The Enterprise Grid org (enterprise id) of the workspace; null outside Enterprise Grid. */
  org: string | null;
  channel: string;
  thread: string | null;
}

/** DM channel ids start with D; everything else (C, G) is a conversation with others. */
export function channelKind(channelId: string): 'dm' | 'channel' {
  return channelId.startsWith('D') ? 'dm' : 'channel';
}

/**
 * Who and where, with the two lazy lookups the tips commands need. users.info
 * is called at most once per message, and only if a command asks.
 */
export function originOf(
  deps: SlackDeps,
  client: webApi.WebClient,
  user: { id: string; name?: string },
  where: Where,
): Origin {
  const channelId = where.channel;
  let info: Promise<UserInfo | undefined> | undefined;
  const load = (): Promise<UserInfo | undefined> =>
    (info ??= client.users.info({ user: user.id }).then(
      (r) => r.user,
      (err: unknown) => {
        deps.logger.warn({ err, user: user.id }, 'slack: users.info failed; treating the user as a non-admin');
        return undefined;
      },
    ));
  const isAdmin = async () => {
    if (deps.config.ADMIN_USER_IDS.includes(user.id)) return true;
    const u = await load();
    return Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
  };
  return {
    platform: 'slack',
    surface: slackSurface,
    conversation: { platform: 'slack', workspace: where.team, channel: channelId, thread: where.thread, user: user.id },
    organization: where.org,
    user: user.name ? { id: user.id, name: user.name } : { id: user.id },
    channel: { id: channelId, kind: channelKind(channelId) },
    isAdmin,
    // Workspace admins manage tips and read the usage report alike.
    canReadReports: isAdmin,
    timeZone: async () => (await load())?.tz || undefined,
  };
}

interface UserInfo {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  tz?: string;
}

/**
 * Text as the user typed it: Slack's entity escaping undone and our own
 * mention removed wherever it sits (the core only drops a leading one).
 */
export function cleanText(text: string | undefined, botUserId?: string): string {
  let clean = text ?? '';
  const id = botUserId?.replace(/[^A-Za-z0-9]/g, '');
  if (id) clean = clean.replace(new RegExp(`<@${id}(?:\\|[^>]*)?>`, 'g'), ' ');
  return unescapeSlack(clean).replace(/\s+/g, ' ').trim();
}
