import { parseConfig, type Config } from '../config.js';
import type { Content } from '../core/content/types.js';
import type { Logger } from '../core/logger.js';
import { parseSchedule } from '../core/tips/schedule.js';
import { parseIsoInstant } from '../core/tips/zoned-time.js';
import type { ChannelRef } from '../core/tips/subscription.js';
import type { TipPoster } from '../core/tips/tip-poster.js';
import { createLogger } from '../create-logger.js';
import { openStore } from '../store/open-store.js';
import type { TipStore } from '../store/tip-store.js';
import { namesItsVariable } from '../ops/startup-errors.js';
import { describeStatus, statusLines, type TipStatus } from '../tips/describe-status.js';
import type { PaceOptions } from '../tips/pacer.js';
import { runDue, type RunReport } from '../tips/run-due.js';
import type { CliIo, LauncherSignals } from './main.js';
import { PLATFORMS, platformNamed, postersFromConfig } from './platforms.js';
import { storeFailure } from './store-failure.js';
import { forTerminal, jsonForTerminal, quoted } from './terminal-text.js';

/** The parsed command-line flags (see `main.ts` for the full table). */
export interface TipsCommandOptions {
  json?: boolean;
  content?: string;
  platform?: string;
  channel?: string;
  day?: string;
  time?: string;
  tz?: string;
  /** The Slack team id (OAuth mode) whose token posts the channel's tips. */
  workspace?: string;
  /** The Slack Enterprise Grid org id, for a workspace of an org-wide install (its token posts there). */
  org?: string;
  at?: string;
}

/** What tests inject instead of the environment's posters and logger. */
export interface TipsCommandDeps {
  posters?: TipPoster[];
  logger?: Logger;
  pace?: PaceOptions;
}

/** The flags each tips subcommand takes; any other is refused rather than silently ignored. */
const FLAGS: Record<string, readonly string[]> = {
  list: ['json'],
  subscribe: ['platform', 'channel', 'workspace', 'org', 'day', 'time', 'tz', 'at', 'json'],
  unsubscribe: ['platform', 'channel', 'at', 'json'],
  status: ['platform', 'channel', 'at', 'json'],
  'run-due': ['at', 'json'],
};
const ANY_TIPS_COMMAND = ['content', 'help'];

/** The schedule example for errors, in the CLI's own flags. */
const CLI_SCHEDULE_EXAMPLE =
  'career-bot tips subscribe --platform slack --channel C123 --day mon --time 09:00 --tz Europe/Berlin';
const USAGE =
  'usage: career-bot tips list --json' +
  ` | subscribe --platform ${PLATFORMS.map((p) => p.name).join('|')} --channel ID` +
  ' [--workspace TEAM [--org ENTERPRISE]] [--day mon..sun] [--time HH:MM] [--tz ZONE] [--at ISO]' +
  ' | unsubscribe --platform P --channel ID [--at ISO]' +
  ' | status [--platform P --channel ID] [--at ISO] [--json]' +
  ' | run-due [--at ISO] [--json]';

/** A channel's status in plain lines, naming its own platform's resume command. */
const linesOf = (st: TipStatus) =>
  statusLines(st, platformNamed(st.platform)?.surface.tips('resume') ?? `the ${st.platform} tips resume command`);

/** `career-bot tips <subcommand>`: list, and the operator's subscribe/unsubscribe/status/run-due. */
export async function tipsCommand(
  content: Content,
  sub: string | undefined,
  options: TipsCommandOptions,
  io: CliIo,
  deps: TipsCommandDeps = {},
): Promise<number> {
  const fail = (message: string, code = 2) => {
    io.stderr.write(`career-bot: ${forTerminal(message)}\n`);
    return code;
  };
  if (!sub || !Object.hasOwn(FLAGS, sub)) return fail(`unknown tips command ${quoted(sub ?? '')}\n${USAGE}`);
  const takes = FLAGS[sub]!;
  const refused = Object.entries(options).find(
    ([flag, value]) =>
      value !== undefined && value !== false && !ANY_TIPS_COMMAND.includes(flag) && !takes.includes(flag),
  );
  if (refused)
    return fail(
      `tips ${sub} does not take --${refused[0]} (it takes ${takes.map((f) => `--${f}`).join(', ')})\n${USAGE}`,
    );
  if (sub === 'list') {
    const tips = content.tips.map((t) => ({
      id: t.id,
      roles: t.roles,
      text: t.text,
      skill: t.skill,
      section: t.section ?? null,
    }));
    io.stdout.write(
      options.json
        ? `${JSON.stringify(tips)}\n`
        : `${tips.map((t) => `${t.id} [${t.roles.join(', ')}] ${t.text}`).join('\n')}\n`,
    );
    return 0;
  }

  let at: Date | null = null;
  if (options.at !== undefined) {
    at = parseIsoInstant(options.at);
    if (!at)
      return fail(
        `--at ${quoted(options.at)} is not an ISO-8601 instant. ` +
          'Give a date, a time and Z or an offset, e.g. 2025-03-10T09:00:00Z or 2025-03-10T10:00:00+01:00',
      );
  }
  // `--at` says when a change counts as made, and for run-due what is due; the
  // ledger's timestamps (and claim ages, retry backoffs) always use the real clock.
  const clock = () => new Date();
  const when = () => at ?? clock();
  let channel: ChannelRef | null = null;
  if (options.platform !== undefined || options.channel !== undefined || sub === 'subscribe' || sub === 'unsubscribe') {
    const platform = platformNamed(options.platform);
    if (!platform)
      return fail(
        `--platform must be ${PLATFORMS.map((p) => p.name).join(' or ')} (got ${quoted(options.platform ?? '')})`,
      );
    if (!options.channel?.trim())
      return sub === 'status' ? fail('status --platform also needs --channel ID') : fail(`${sub} needs --channel ID`);
    const problem = platform.channelIdProblem(options.channel.trim());
    if (problem)
      return fail(`--channel ${quoted(options.channel.trim())} is not a ${platform.name} channel id: ${problem}`);
    const workspace = options.workspace?.trim();
    const organization = options.org?.trim();
    if (organization && !workspace)
      return fail('--org needs --workspace TEAM: the workspace of the org the channel is in');
    channel = {
      platform: platform.name,
      channelId: options.channel.trim(),
      ...(workspace ? { workspace } : {}),
      ...(organization ? { organization } : {}),
    };
  }

  const parsed = parseConfig(io.env, 'post');
  if (!parsed.ok) return fail(`invalid configuration:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}`, 1);
  const config = parsed.config;
  // Operator commands stay quiet on stderr unless LOG_LEVEL asks for more.
  const logger = deps.logger ?? createLogger(io.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', io.stderr);
  let store: TipStore;
  try {
    store = await openStore({
      ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
      dataDir: config.DATA_DIR,
      logger,
    });
  } catch (err) {
    logger.debug({ err }, 'could not open the store');
    return fail(`could not open the store: ${storeFailure(err, config)}`, 1);
  }
  // Store rows written before ids were checked may hold anything: nothing reaches the terminal raw.
  const out = (text: string) => io.stdout.write(`${options.json ? jsonForTerminal(text) : forTerminal(text)}\n`);
  try {
    switch (sub) {
      case 'subscribe': {
        const schedule = parseSchedule(
          { day: options.day, time: options.time, timeZone: options.tz },
          'UTC',
          CLI_SCHEDULE_EXAMPLE,
        );
        if (!schedule.ok) return fail(schedule.error);
        const s = await store.subscribe(channel!, schedule.value, { at: when(), by: 'cli' });
        logger.info({ ...channel, change: 'subscribe', by: 'cli', schedule: s.schedule }, 'tips subscribe');
        const st = await describeStatus(store, content, channel!, when(), s);
        out(options.json ? JSON.stringify(st) : `subscribed: ${linesOf(st).join(' ')}`);
        return 0;
      }
      case 'unsubscribe': {
        const done = await store.unsubscribe(channel!, { at: when(), by: 'cli' });
        if (done) logger.info({ ...channel, change: 'unsubscribe', by: 'cli' }, 'tips unsubscribe');
        out(
          options.json
            ? JSON.stringify({ ...channel, unsubscribed: done })
            : done
              ? `unsubscribed ${channel!.platform} channel ${channel!.channelId}`
              : `${channel!.platform} channel ${channel!.channelId} was not subscribed`,
        );
        return 0;
      }
      case 'status': {
        const channels = channel ? [channel] : await store.listSubscriptions();
        const statuses = [];
        for (const c of channels)
          statuses.push(await describeStatus(store, content, { platform: c.platform, channelId: c.channelId }, when()));
        if (options.json) out(JSON.stringify(channel ? statuses[0] : statuses));
        else
          out(
            statuses.length
              ? statuses.map((s) => linesOf(s).join('\n  ')).join('\n')
              : 'no channels are subscribed to weekly tips',
          );
        return 0;
      }
      default:
        return await runDueCommand(store, content, config, clock, at, logger, options, deps, out, io.signals);
    }
  } catch (err) {
    // A refusal that names its variable (a TOKEN_ENCRYPTION_KEY that opens no installation) is not the store's.
    if (err instanceof Error && namesItsVariable(err.message)) return fail(err.message, 1);
    // A read-only or full SQLite file, a PostgreSQL gone quiet: one line, exit 1.
    logger.debug({ err }, 'the store failed');
    return fail(`the store failed: ${storeFailure(err, config)}`, 1);
  } finally {
    await store.close();
  }
}

async function runDueCommand(
  store: TipStore,
  content: Content,
  config: Config,
  clock: () => Date,
  at: Date | null,
  logger: Logger,
  options: TipsCommandOptions,
  deps: TipsCommandDeps,
  out: (text: string) => void,
  signals: LauncherSignals | undefined,
): Promise<number> {
  const posters = deps.posters ?? (await postersFromConfig(config, logger, store));
  // SIGTERM/SIGINT stop the run as they stop the scheduler: no new channel is
  // taken, a claim not yet posted is released, a post under way is finished and
  // marked, and the run reports what it did (exit 0 unless something failed).
  const stop = new AbortController();
  void signals?.stopRequested.then((name) => {
    logger.warn({ signal: name }, 'tips run-due: stopping; finishing the posts under way');
    stop.abort();
  });
  let report: RunReport;
  try {
    report = await runDue({
      store,
      content,
      posters,
      clock,
      ...(at ? { at } : {}),
      logger,
      signal: stop.signal,
      ...(deps.pace ? { pace: deps.pace } : {}),
    });
  } finally {
    if (!deps.posters) await Promise.all(posters.map((p) => p.stop()));
  }
  if (options.json) out(JSON.stringify(report));
  else {
    const counts = Object.entries(report.counts).filter(([, n]) => n > 0);
    const detail = counts.map(([k, n]) => `${k} ${n}`).join(', ');
    out(`tips due at ${report.at}: ${report.due}${counts.length ? ` (${detail})` : ''}`);
  }
  return report.counts.error > 0 ? 1 : 0;
}
