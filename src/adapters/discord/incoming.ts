import { InteractionContextType, PermissionFlagsBits, type Interaction, type Message } from 'discord.js';
import type { Envelope } from '../../core/message.js';
import { discordSurface } from './discord-surface.js';

/**
 * Who and where for an interaction. `isAdmin` reads the member's
 * permissions as Discord computed them for this very interaction, so a
 * command's default permissions being loosened by a server admin does not
 * loosen the check. Discord does not tell a bot a server's time zone.
 */
export function fromInteraction(interaction: Interaction): Envelope {
  const inGuild = interaction.inGuild();
  const channel = interaction.channelId ?? interaction.user.id;
  return {
    platform: 'discord',
    surface: discordSurface,
    conversation: {
      platform: 'discord',
      workspace: interaction.guildId ?? null,
      channel,
      thread: null,
      user: interaction.user.id,
    },
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username },
    // A group DM or a DM between people (user install) is a conversation with others, not a DM with the bot.
    channel: {
      id: channel,
      kind: inGuild || interaction.context === InteractionContextType.PrivateChannel ? 'channel' : 'dm',
    },
    isAdmin: () =>
      Promise.resolve(inGuild && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false)),
    canReadReports: () =>
      Promise.resolve(inGuild && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false)),
    timeZone: () => Promise.resolve(undefined),
  };
}

export function fromDirectMessage(message: Message): Envelope {
  return {
    platform: 'discord',
    surface: discordSurface,
    conversation: {
      platform: 'discord',
      workspace: null,
      channel: message.channelId,
      thread: null,
      user: message.author.id,
    },
    user: { id: message.author.id, name: message.author.globalName ?? message.author.username },
    channel: { id: message.channelId, kind: 'dm' },
    isAdmin: () => Promise.resolve(false),
    timeZone: () => Promise.resolve(undefined),
  };
}
