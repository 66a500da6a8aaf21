import { REST, Routes } from 'discord.js';
import { CAREER_COMMAND, slashCommands, TIPS_COMMAND } from '../adapters/discord/commands.js';
import { classifyRestError } from '../adapters/discord/rest-errors.js';
import { restOptions } from '../adapters/discord/rest-options.js';
import type { Config } from '../config.js';

const USAGE =
  `usage: career-bot discord register [--guild ID]     register /${CAREER_COMMAND} and /${TIPS_COMMAND} ` +
  `(in one server, at once; or globally)\n` +
  `       career-bot discord unregister [--guild ID]   remove them ` +
  `(e.g. a server's setup copy once global ones exist)`;

/**
 * `career-bot discord register [--guild ID]`: PUTs the slash commands,
 * replacing what was registered before. A guild's commands update at once
 * (use it while setting up); global ones work in every server and in DMs.
 * `unregister` PUTs an empty list, so a server does not show both copies.
 */
export async function discordCommand(
  sub: string | undefined,
  values: { guild?: string },
  config: Config,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  if (sub !== 'register' && sub !== 'unregister') {
    io.stderr.write(`career-bot: unknown discord command "${sub ?? ''}"\n${USAGE}\n`);
    return 2;
  }
  const missing = (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const).filter((name) => !config[name]);
  if (missing.length) {
    io.stderr.write(
      `career-bot: discord ${sub} needs ${missing.join(' and ')} in the environment (or .env); see docs/discord.md\n`,
    );
    return 1;
  }
  const guild = values.guild?.trim();
  if (guild !== undefined && !/^\d{5,25}$/.test(guild)) {
    io.stderr.write(
      `career-bot: --guild must be a server id (digits; Developer Mode, right-click the server, Copy Server ID)\n`,
    );
    return 2;
  }
  const app = config.DISCORD_APPLICATION_ID!;
  const rest = new REST(restOptions(config.DISCORD_API_URL)).setToken(config.DISCORD_TOKEN!);
  try {
    const body = sub === 'register' ? slashCommands(guild ? 'guild' : 'global') : [];
    const route = guild ? Routes.applicationGuildCommands(app, guild) : Routes.applicationCommands(app);
    const saved = (await rest.put(route, { body })) as { name: string }[];
    const names = saved.map((c) => `/${c.name}`).join(', ');
    if (sub === 'unregister') {
      io.stdout.write(`removed the bot's ${guild ? `commands in server ${guild}` : 'global commands'}\n`);
      return 0;
    }
    io.stdout.write(
      guild
        ? `registered ${names} in server ${guild}; they are usable there now\n`
        : `registered ${names} globally, for servers and DMs with the bot; ` +
            `Discord clients may take a few minutes to show them\n`,
    );
    return 0;
  } catch (err) {
    const failure = classifyRestError(err);
    const hint =
      failure.status === 401
        ? ' (is DISCORD_TOKEN the bot token of this application?)'
        : failure.status === 403 || failure.code === 50001
          ? ' (is the bot in that server, invited with the applications.commands scope?)'
          : '';
    io.stderr.write(
      `career-bot: ${sub === 'register' ? 'registering' : 'removing'} the Discord commands failed: ` +
        `${failure.reason}${hint}\n`,
    );
    return 1;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
