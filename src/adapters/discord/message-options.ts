import { MessageFlags, type InteractionReplyOptions, type MessageCreateOptions, type MessageEditOptions } from 'discord.js';
import type { DiscordMessage } from './render-embed.js';

/** Mentions in anything the bot sends never ping (also the client's default). */
export const NO_MENTIONS = { parse: [] as [] };

function body(message: DiscordMessage) {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
  };
}

/** A rendered message as an interaction reply (ephemeral when rendered so). */
export function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  return { ...body(message), ...(message.flags ? { flags: MessageFlags.Ephemeral as const } : {}) };
}

/** A rendered message as a new channel message (DMs); channel messages cannot be ephemeral. */
export function sendOptions(message: DiscordMessage): MessageCreateOptions {
  return body(message);
}

/**
 * For editing a message in place (button updates, deferred replies): no
 * flags, since whether a message is ephemeral is fixed when it is created.
 */
export function editOptions(message: DiscordMessage): MessageEditOptions {
  return body(message);
}
