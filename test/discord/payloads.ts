import { APP_ID, messageObject, snowflake } from './fake-discord.mjs';

/** Gateway dispatch payloads shaped as Discord sends them (API v10). */
export const GUILD_ID = '1300000000000000001';
export const CHANNEL_ID = '1300000000000000002';
export const DM_CHANNEL_ID = '1300000000000000003';
/** A server and channel the bot is not in: a person's user install is all that reaches them. */
export const OTHER_GUILD_ID = '1300000000000000010';
export const OTHER_CHANNEL_ID = '1300000000000000011';
export const USER = {
  id: '1300000000000000004',
  username: 'ada',
  discriminator: '0',
  global_name: 'Ada',
  avatar: null,
  public_flags: 0,
};

/** Permission bits as a string; ManageChannels is 1 << 4. */
export const MEMBER_PERMISSIONS = '2248473465835073';
export const ADMIN_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | (1n << 4n));
/** A member the server does not let use external apps (Use External Apps, 1 << 50, off). */
export const NO_EXTERNAL_APPS = String(BigInt(MEMBER_PERMISSIONS) & ~(1n << 50n));
/**
 * What Discord grants a user-installed app in a server that has not added it:
 * Embed Links, Attach Files, Mention Everyone, Use External Emojis, Send Polls.
 */
const USER_INSTALL_APP_PERMISSIONS = String((1n << 14n) | (1n << 15n) | (1n << 17n) | (1n << 18n) | (1n << 49n));

interface Where {
  dm?: boolean;
  permissions?: string;
  /**
   * A user-installed `/career` (issue 14): `server` in a server the bot is
   * not in (only the user's install authorises it), `private` in a DM or group
   * DM between people (context 2: no guild, no member).
   */
  userInstall?: 'server' | 'private';
}

function context({ dm = false, permissions = MEMBER_PERMISSIONS, userInstall }: Where) {
  const id = snowflake();
  const base = {
    id,
    application_id: APP_ID,
    token: `token-${id}`,
    version: 1,
    locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (userInstall === 'private') {
    const groupDm = '1300000000000000009';
    return {
      ...base,
      app_permissions: '0',
      channel_id: groupDm,
      channel: {
        id: groupDm,
        type: 3,
        flags: 0,
        last_message_id: null,
        recipients: [USER],
        name: null,
        icon: null,
        owner_id: USER.id,
      },
      user: USER,
      context: 2,
      authorizing_integration_owners: { '1': USER.id },
    };
  }
  if (dm) {
    return {
      ...base,
      channel_id: DM_CHANNEL_ID,
      channel: { id: DM_CHANNEL_ID, type: 1, flags: 0, last_message_id: null, recipients: [USER] },
      user: USER,
      context: 1,
      authorizing_integration_owners: { '0': USER.id },
    };
  }
  const userInstalled = userInstall === 'server';
  const guildId = userInstalled ? OTHER_GUILD_ID : GUILD_ID;
  const channelId = userInstalled ? OTHER_CHANNEL_ID : CHANNEL_ID;
  return {
    ...base,
    ...(userInstalled ? { app_permissions: USER_INSTALL_APP_PERMISSIONS } : {}),
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel_id: channelId,
    channel: {
      id: channelId,
      type: 0,
      guild_id: guildId,
      name: 'careers',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      flags: 0,
      last_message_id: null,
      rate_limit_per_user: 0,
      topic: null,
    },
    member: {
      user: USER,
      roles: [],
      permissions,
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
      communication_disabled_until: null,
    },
    context: 0,
    authorizing_integration_owners: userInstalled ? { '1': USER.id } : { '0': GUILD_ID },
  };
}

type Option = { name: string; type: number; value?: string; focused?: boolean; options?: Option[] };

export function careerCommand(role: string, topic?: string, where: Where = {}) {
  const options: Option[] = [{ name: 'role', type: 3, value: role }];
  if (topic) options.push({ name: 'topic', type: 3, value: topic });
  return { ...context(where), type: 2, data: { id: '1400000000000000001', name: 'career', type: 1, options } };
}

/** A guild id that Discord routes to `shard` of `count`: (id >> 22) % count. */
export const guildOnShard = (shard: number, count: number) =>
  String((BigInt(1_000_000 * count + shard) << 22n) + 12345n);

/** `/career` in the server `guildId`, installed there. */
export function careerCommandInGuild(guildId: string, role: string, topic?: string) {
  const payload = careerCommand(role, topic);
  return {
    ...payload,
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US', features: [] },
    channel: { ...payload.channel, guild_id: guildId },
    authorizing_integration_owners: { '0': guildId },
  };
}

export function tipsCommand(sub: string, args: Record<string, string> = {}, where: Where = {}) {
  const options: Option[] = [
    { name: sub, type: 1, options: Object.entries(args).map(([name, value]) => ({ name, type: 3, value })) },
  ];
  return { ...context(where), type: 2, data: { id: '1400000000000000002', name: 'tips', type: 1, options } };
}

export function roleAutocomplete(typed: string, where: Where = {}) {
  return {
    ...context(where),
    type: 4,
    data: {
      id: '1400000000000000001',
      name: 'career',
      type: 1,
      options: [{ name: 'role', type: 3, value: typed, focused: true }],
    },
  };
}

/**
 * A button press on a message the bot sent (`messageFlags` 64: the message is
 * ephemeral), carrying that message's embeds and components as Discord does.
 */
export function buttonPress(
  customId: string,
  where: Where & { messageFlags?: number; embeds?: unknown[]; components?: unknown[] } = {},
) {
  const ctx = context(where);
  return {
    ...ctx,
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: messageObject({
      channelId: ctx.channel_id,
      embeds: where.embeds,
      components: where.components,
      flags: where.messageFlags,
    }),
  };
}

export function directMessage(content: string, author: Record<string, unknown> = USER) {
  // channel_type tells discord.js an uncached channel is a DM (see docs/discord.md).
  return messageObject({ channelId: DM_CHANNEL_ID, author, content, extra: { channel_type: 1 } });
}

/**
 * A message the bot sent (a callback's `data`), as Discord hands it back with
 * a button press on it: read-only parts added (embed type, component ids),
 * ephemeral (`messageFlags` 64) unless said otherwise. Spread into `buttonPress`.
 */
export function asReceived(
  sent: { embeds: object[]; components: { components: object[] }[] },
  messageFlags = 64,
): { messageFlags: number; embeds: unknown[]; components: unknown[] } {
  return {
    messageFlags,
    embeds: sent.embeds.map((e) => ({ ...e, type: 'rich', content_scan_version: 0 })),
    components: sent.components.map((row, r) => ({
      ...row,
      id: 100 + r,
      components: row.components.map((b, i) => ({ ...b, id: 10 * r + i })),
    })),
  };
}
