import { PermissionFlagsBits, type Interaction, type Message } from 'discord.js';
import type { IncomingMessage } from '../../core/message.js';
import type { Action } from '../../core/reply.js';

/**
 * The neutral message for an interaction. `isAdmin` reads the member's
 * permissions as Discord computed them for this very interaction, so a
 * command's default permissions being loosened by a server admin does not
 * loosen the check. Discord does not tell a bot a server's time zone.
 */
export function fromInteraction(interaction: Interaction, kind: IncomingMessage['kind'], text: string, action?: Action): IncomingMessage {
  const inGuild = interaction.inGuild();
  return {
    platform: 'discord',
    kind,
    text,
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username },
    channel: { id: interaction.channelId ?? interaction.user.id, kind: inGuild ? 'channel' : 'dm' },
    conversation: { platform: 'discord', workspace: interaction.guildId ?? null, channel: interaction.channelId ?? interaction.user.id, thread: null, user: interaction.user.id },
    ...(action ? { action } : {}),
    isAdmin: async () => inGuild && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false),
    timeZone: async () => undefined,
  };
}

export function fromDirectMessage(message: Message): IncomingMessage {
  return {
    platform: 'discord',
    kind: 'dm',
    text: message.content,
    user: { id: message.author.id, name: message.author.globalName ?? message.author.username },
    channel: { id: message.channelId, kind: 'dm' },
    conversation: { platform: 'discord', workspace: message.guildId ?? null, channel: message.channelId, thread: null, user: message.author.id },
    isAdmin: async () => false,
    timeZone: async () => undefined,
  };
}
