import type { Message } from 'discord.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../core/logger.js';
import { fromDirectMessage } from './incoming.js';
import { sendOptions, withChartFile } from './message-options.js';
import { renderEmbed } from './render-embed.js';

/**
 * Answers a direct message the way `ask` answers text. Discord delivers DM
 * content to bots without the privileged Message Content intent. Messages
 * from bots (this one included) are ignored, so two bots never loop.
 */
export async function handleDirectMessage(message: Message, deps: { bot: Bot; logger: Logger }): Promise<void> {
  if (message.author.bot || message.inGuild() || message.system) return;
  const channel = message.channel;
  if (!channel.isDMBased() || !channel.isSendable()) return;
  try {
    const reply = await deps.bot.handle({
      ...fromDirectMessage(message),
      kind: 'question',
      via: 'dm',
      text: message.content,
    });
    await channel.send(sendOptions(await withChartFile(renderEmbed(reply))));
  } catch (err) {
    deps.logger.error(
      { err, message: message.id, channel: message.channelId, user: message.author.id },
      'discord DM answer failed',
    );
  }
}
