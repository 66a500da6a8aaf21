import {
  MessageFlags,
  type InteractionReplyOptions,
  type MessageCreateOptions,
  type MessageEditOptions,
} from 'discord.js';
import { CHART_FILE, type DiscordMessage } from './render-embed.js';
import { renderChart } from '../../charts/render-chart.js';

/** Mentions in anything the bot sends never ping (also the client's default). */
export const NO_MENTIONS = { parse: [] as [] };

function body(message: DiscordMessage) {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
    ...(message.files ? { files: message.files } : {}),
  };
}

/** The message with its chart rendered (cached) and attached under the name its embed shows. */
export async function withChartFile(message: DiscordMessage): Promise<DiscordMessage> {
  if (!message.chart) return message;
  return { ...message, files: [{ name: CHART_FILE, attachment: await renderChart(message.chart) }] };
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
  // A new chart replaces the message's old one rather than joining it.
  return { ...body(message), ...(message.files ? { attachments: [] } : {}) };
}
