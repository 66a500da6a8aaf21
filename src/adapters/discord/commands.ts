import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { SECTION_IDS, SECTION_TITLES } from '../../core/sections.js';
import { TIPS_SUBCOMMANDS, type TipsSubcommand } from '../../core/tips/tips-request.js';

import { CAREER_COMMAND, TIPS_COMMAND } from './command-names.js';

export { CAREER_COMMAND, TIPS_COMMAND };

const DAYS = [
  ['Monday', 'mon'],
  ['Tuesday', 'tue'],
  ['Wednesday', 'wed'],
  ['Thursday', 'thu'],
  ['Friday', 'fri'],
  ['Saturday', 'sat'],
  ['Sunday', 'sun'],
] as const;

const TIPS_DESCRIPTIONS: Record<TipsSubcommand, string> = {
  subscribe: 'Post a weekly skill tip in this channel',
  unsubscribe: 'Stop the weekly tips in this channel',
  status: "Show this channel's weekly tip schedule",
  preview: 'Show the next tip without posting it',
  pause: 'Pause the weekly tips in this channel',
  resume: 'Resume paused weekly tips',
  skip: "Skip this channel's next tip",
};

/**
 * The slash commands `career-bot discord register` PUTs. Global commands
 * declare where they work (servers and DMs with the bot); Discord accepts
 * `contexts` and `integration_types` on global commands only. `/career` is
 * user-installable too; `/tips` changes a server channel, so it stays a
 * server-install command used in servers.
 */
export function slashCommands(scope: 'global' | 'guild'): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const global = scope === 'global';
  const career: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    name: CAREER_COMMAND,
    description: 'What a tech role involves: skills, career path, salary and more',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'role',
        description: 'The role, e.g. ML systems engineer',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'What about it (default: overview)',
        required: false,
        choices: SECTION_IDS.map((id) => ({ name: SECTION_TITLES[id], value: id })),
      },
    ],
    // Installable by a server and by a person (their own DMs, group DMs and any server they are in).
    ...(global
      ? {
          integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
          contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
        }
      : {}),
  };
  const tips: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    name: TIPS_COMMAND,
    description: 'Weekly skill tips in this channel',
    // Hidden from members without Manage Channels; checked again on every use.
    default_member_permissions: PermissionFlagsBits.ManageChannels.toString(),
    options: TIPS_SUBCOMMANDS.map((name) => ({
      type: ApplicationCommandOptionType.Subcommand,
      name,
      description: TIPS_DESCRIPTIONS[name],
      ...(name === 'subscribe'
        ? {
            options: [
              {
                type: ApplicationCommandOptionType.String,
                name: 'day',
                description: 'Weekday (default Monday)',
                choices: DAYS.map(([n, value]) => ({ name: n, value })),
              },
              {
                type: ApplicationCommandOptionType.String,
                name: 'time',
                description: 'Time of day, e.g. 09:00 or 5:30pm (default 09:00)',
                max_length: 8,
              },
              {
                type: ApplicationCommandOptionType.String,
                name: 'timezone',
                description: 'IANA time zone, e.g. Europe/Berlin (default UTC)',
                max_length: 64,
              },
            ],
          }
        : {}),
    })),
    ...(global
      ? { integration_types: [ApplicationIntegrationType.GuildInstall], contexts: [InteractionContextType.Guild] }
      : {}),
  };
  return [career, tips];
}
