import path from 'node:path';
import { parseArgs } from 'node:util';
import { consoleSurface } from '../adapters/console/console-surface.js';
import { parseConfig } from '../config.js';
import { createBot } from '../core/bot.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import { contentWarnings } from '../core/content/content-warnings.js';
import { formatProblem } from '../core/content/types.js';
import { askCommand } from './ask-command.js';
import { forTerminal, quoted } from './terminal-text.js';
import { loadOrExplain } from './load-or-explain.js';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /** SIGTERM/SIGINT trapped by the launcher from its first line (see bin/career-bot.js). */
  signals?: LauncherSignals;
}

export interface LauncherSignals {
  /** Resolves with the first signal's name. */
  readonly stopRequested: Promise<string>;
  /** Gives the signals back to Node's default (a one-shot command or the console chat ends on them). */
  release(): void;
}

const USAGE = [
  'usage: career-bot [--content DIR]                  start the bot (console chat without Slack/Discord credentials)',
  '       career-bot ask [--json] [--content DIR] [TEXT]   answer TEXT, or each line of stdin with --json',
  '       career-bot ask --json --conversation            answer {"conversation": ID, "text": Q} lines in context',
  "       career-bot ask --chart FILE TEXT                 also write the answer's pay chart (PNG) to FILE",
  '       career-bot report [--since YYYY-MM-DD] [--json]  answers, unanswered questions, votes ' +
    'and tips from the store',
  '       career-bot check [--content DIR]                 validate the content',
  '       career-bot tips list --json [--content DIR]      print every tip',
  '       career-bot tips subscribe --platform slack|discord --channel ID [--workspace TEAM [--org ENTERPRISE]] ' +
    '[--day mon..sun] [--time HH:MM] [--tz ZONE] [--at ISO]',
  '       career-bot tips unsubscribe|status --platform slack|discord --channel ID',
  '       career-bot tips run-due [--at ISO]               post every weekly tip due now (or at --at), then exit',
  '       career-bot discord register [--guild ID]         register the Discord slash commands',
].join('\n');

/** Runs one command line; returns the exit code (never calls process.exit). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        content: { type: 'string' },
        json: { type: 'boolean', default: false },
        conversation: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        // Flags of `tips subscribe|unsubscribe|status|run-due` and `discord register`.
        platform: { type: 'string' },
        channel: { type: 'string' },
        day: { type: 'string' },
        time: { type: 'string' },
        tz: { type: 'string' },
        workspace: { type: 'string' },
        org: { type: 'string' },
        at: { type: 'string' },
        guild: { type: 'string' },
        chart: { type: 'string' },
        since: { type: 'string' },
      },
    });
  } catch (err) {
    io.stderr.write(`career-bot: ${forTerminal((err as Error).message)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const contentDir = path.resolve(values.content ?? DEFAULT_CONTENT_DIR);
  const [command, ...rest] = positionals;
  // `start` and `tips run-due` stop cleanly on a signal; other commands end on Node's default.
  if (command !== undefined && command !== 'start' && !(command === 'tips' && rest[0] === 'run-due'))
    io.signals?.release();

  if (command === 'check') {
    const content = loadOrExplain(contentDir, io.stderr);
    if (!content) return 1;
    io.stdout.write(
      `content ok: ${content.roles.length} roles, ${content.tips.length} tips in ${forTerminal(contentDir)}\n`,
    );
    // Warnings are for the editor; they never fail the check.
    for (const w of contentWarnings(content)) io.stdout.write(`warning: ${formatProblem(w)}\n`);
    return 0;
  }
  if (command === 'ask') {
    const content = loadOrExplain(contentDir, io.stderr);
    if (!content) return 1;
    const bot = createBot({ content, surface: consoleSurface });
    // `ask` runs without platform credentials; only the context TTL is read here.
    const ttl = parseConfig(io.env, 'post');
    const contextTtlMs = ttl.ok ? ttl.config.conversationTtlMinutes * 60_000 : undefined;
    if (values.chart !== undefined) {
      const { writeChart } = await import('./write-chart.js');
      if (!rest.length || !(await writeChart(bot, rest.join(' '), values.chart, io.stderr))) return 1;
    }
    return askCommand(
      bot,
      rest.length ? rest.join(' ') : undefined,
      { json: values.json, conversation: values.conversation, contextTtlMs },
      io,
    );
  }
  if (command === 'report') {
    const { reportCommand } = await import('./report-command.js');
    return reportCommand(values.since, values.json, io);
  }
  if (command === 'tips') {
    const content = loadOrExplain(contentDir, io.stderr);
    if (!content) return 1;
    // Imported on demand: `ask` and `check` need not load Bolt, discord.js and the store.
    const { tipsCommand } = await import('./tips-command.js');
    return tipsCommand(content, rest[0], values, io);
  }
  if (command === 'discord') {
    const configResult = parseConfig(io.env);
    if (!configResult.ok) return explainConfig(configResult.errors, io);
    const { discordCommand } = await import('./discord-command.js');
    return discordCommand(
      rest[0],
      typeof values.guild === 'string' ? { guild: values.guild } : {},
      configResult.config,
      io,
    );
  }
  if (command !== undefined && command !== 'start') {
    io.stderr.write(`career-bot: unknown command ${quoted(command)}\n${USAGE}\n`);
    return 2;
  }
  const configResult = parseConfig(io.env);
  if (!configResult.ok) return explainConfig(configResult.errors, io);
  const content = loadOrExplain(contentDir, io.stderr);
  if (!content) return 1;
  const { start } = await import('./start.js');
  return start(content, configResult.config, io);
}

function explainConfig(errors: string[], io: CliIo): number {
  io.stderr.write(`career-bot: invalid configuration:\n${errors.map((e) => `  ${e}`).join('\n')}\n`);
  return 1;
}
