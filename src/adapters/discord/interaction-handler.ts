import {
  MessageFlags,
  RESTJSONErrorCodes,
  DiscordAPIError,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import { isTipsSubcommand, type TipsCommand } from '../../core/tips/tips-request.js';
import { buttonResponse, expiredButton } from '../shared/button-policy.js';
import { commandMessage } from '../shared/typed-command.js';
import { CAREER_COMMAND, TIPS_COMMAND } from './commands.js';
import { discordSurface } from './discord-surface.js';
import { parseCustomId } from './custom-ids.js';
import { LIMITS, truncate } from './embed-limits.js';
import { fromInteraction } from './incoming.js';
import { installContext } from './install-context.js';
import { editOptions, NO_MENTIONS, replyOptions, withChartFile } from './message-options.js';
import { ackText } from '../shared/vote-buttons.js';
import { renderEmbed, type DiscordMessage } from './render-embed.js';
import { shareReply } from './share-message.js';

export interface HandlerDeps {
  bot: Bot;
  logger: Logger;
  /** Answers slower than this are deferred first (Discord allows 3 s for the first response). */
  deferAfterMs?: number;
}

const DEFER_AFTER_MS = 1500;

const TIPS_POINTER =
  'Weekly tips have their own command: `/tips subscribe`, `/tips status` and the rest, in a server channel, ' +
  'for members with Manage Channels. `/career` answers questions about roles.';

/** Routes one interaction; never throws (failures are logged and, where possible, told to the user). */
export async function handleInteraction(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await autocomplete(interaction, deps);
    else if (interaction.isChatInputCommand()) await command(interaction, deps);
    else if (interaction.isButton()) await button(interaction, deps);
  } catch (err) {
    await reportFailure(interaction, err, deps.logger);
  }
}

/** Role names as one types, from the core's matcher (typos included), cut to Discord's limits. */
async function autocomplete(i: AutocompleteInteraction, { bot }: HandlerDeps): Promise<void> {
  const focused = i.options.getFocused(true);
  const roles = focused.name === 'role' ? bot.suggestRoles(String(focused.value), LIMITS.choices) : [];
  await i.respond(
    roles
      .slice(0, LIMITS.choices)
      .map((r) => ({ name: truncate(r.title, LIMITS.choiceName), value: r.id.slice(0, LIMITS.choiceValue) })),
  );
}

async function command(i: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void> {
  const inGuild = i.inGuild();
  const { privateAnswer, canShare } = installContext(i);
  if (i.commandName === CAREER_COMMAND) {
    const role = i.options.getString('role', true);
    // "tips ..." typed as a role is someone looking for the tips commands: on
    // Discord those are /tips only, which Discord hides from members without
    // Manage Channels.
    if (/^\s*tips\b/i.test(role)) {
      await i.reply({ content: TIPS_POINTER, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    const text = `${role} ${i.options.getString('topic') ?? ''}`.trim();
    const pending = deps.bot.handle(commandMessage(fromInteraction(i), text));
    // Only the asker sees the answer until they share it, except in a DM with the bot (install-context.ts).
    await respond(
      i,
      pending,
      (reply) => renderEmbed(reply, { ephemeral: privateAnswer, share: privateAnswer && canShare }),
      deps,
      privateAnswer ? 'private' : 'reply',
    );
    return;
  }
  if (i.commandName === TIPS_COMMAND) {
    const pending = deps.bot.handle({ ...fromInteraction(i), kind: 'tips', command: tipsCommandOf(i) });
    await respond(
      i,
      pending,
      (reply) => renderEmbed(reply, { ephemeral: inGuild }),
      deps,
      inGuild ? 'private' : 'reply',
    );
    return;
  }
  deps.logger.warn(
    { interaction: i.id, command: i.commandName },
    'unknown slash command (registered by an older version?)',
  );
  await i.reply({
    content: 'I no longer know that command; try /career.',
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

/** `/tips` as typed: its options are already fields, each read as what it is named. */
function tipsCommandOf(i: ChatInputCommandInteraction): TipsCommand {
  const option = (name: string) => i.options.getString(name)?.trim() || undefined;
  const sub = i.options.getSubcommand();
  // A subcommand registered by a newer version than this one.
  if (!isTipsSubcommand(sub)) return { sub: 'help', unknown: sub };
  if (sub === 'subscribe')
    return { sub, schedule: { day: option('day'), time: option('time'), timeZone: option('timezone') } };
  return { sub };
}

async function button(i: ButtonInteraction, deps: HandlerDeps): Promise<void> {
  const request = parseCustomId(i.customId);
  if (!request) {
    await i.reply({
      content: expiredButton(discordSurface),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  if (request.kind === 'share') {
    await i.reply(shareReply(i));
    return;
  }
  const { privateAnswer, canShare } = installContext(i);
  const { page, action } = request;
  if (action.type === 'feedback') {
    // A vote never rewrites the answer it is on: the thanks goes to the voter alone.
    const ack = await deps.bot.handle({ ...fromInteraction(i), kind: 'button', action });
    await i.reply({ content: ackText(ack), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  const pending = deps.bot.handle({ ...fromInteraction(i), kind: 'button', action });
  if (
    buttonResponse({ ephemeral: i.message.flags.has(MessageFlags.Ephemeral), inChannel: privateAnswer }) === 'update'
  ) {
    await respond(
      i,
      pending,
      (reply) => renderEmbed(reply, { page, share: privateAnswer && canShare, source: action }),
      deps,
      'update',
    );
  } else {
    // A shared message stays as shared: whoever presses its buttons gets their own private answer.
    await respond(
      i,
      pending,
      (reply) => renderEmbed(reply, { page, ephemeral: true, share: canShare, source: action }),
      deps,
      'private',
    );
  }
}

/**
 * Sends the first response (`private`: ephemeral; `update`: edits the
 * message the button is on): at once when the core answers quickly (it
 * usually takes well under a millisecond), else defers and edits, so a slow
 * store never misses Discord's 3-second window.
 */
async function respond(
  i: ChatInputCommandInteraction | ButtonInteraction,
  pending: Promise<Reply>,
  render: (reply: Reply) => DiscordMessage,
  deps: HandlerDeps,
  mode: 'reply' | 'private' | 'update',
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, deps.deferAfterMs ?? DEFER_AFTER_MS, null);
  });
  const quick = await Promise.race([pending, slow]).finally(() => clearTimeout(timer));
  if (quick) {
    const message = await withChartFile(render(quick));
    if (mode === 'update' && i.isButton()) await i.update(editOptions(message));
    else await i.reply(replyOptions(message));
    return;
  }
  if (mode === 'update' && i.isButton()) await i.deferUpdate();
  else await i.deferReply(mode === 'private' ? { flags: MessageFlags.Ephemeral } : {});
  await i.editReply(editOptions(await withChartFile(render(await pending))));
}

async function reportFailure(i: Interaction, err: unknown, logger: Logger): Promise<void> {
  logger.error(
    {
      err,
      interaction: i.id,
      type: i.type,
      command: i.isCommand() || i.isAutocomplete() ? i.commandName : undefined,
      customId: i.isMessageComponent() ? i.customId : undefined,
      guild: i.guildId,
      channel: i.channelId,
      user: i.user.id,
      code: err instanceof DiscordAPIError ? err.code : undefined,
    },
    'discord interaction failed',
  );
  // An expired interaction cannot be answered at all; autocomplete has no message to show.
  if (!i.isRepliable() || (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction))
    return;
  const notice = {
    content: 'Sorry, something went wrong answering that. Please try again.',
    flags: MessageFlags.Ephemeral as const,
    allowedMentions: NO_MENTIONS,
  };
  try {
    if (i.deferred || i.replied) await i.followUp(notice);
    else await i.reply(notice);
  } catch (second) {
    logger.warn({ err: second, interaction: i.id }, 'could not tell the user about the failure');
  }
}
