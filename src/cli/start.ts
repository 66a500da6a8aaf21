import { startConsoleChat } from '../adapters/console/console-chat.js';
import { consoleSurface } from '../adapters/console/console-surface.js';
import type { Config } from '../config.js';
import { createBot, type Bot } from '../core/bot.js';
import type { Content } from '../core/content/types.js';
import type { Logger } from '../core/logger.js';
import type { ChannelRef } from '../core/tips/subscription.js';
import { createLogger } from '../create-logger.js';
import { openStore } from '../store/open-store.js';
import { channelTipOfTheWeek } from '../tips/channel-tip.js';
import { startTipScheduler } from '../tips/tip-scheduler.js';
import { createTipsCommands } from '../tips/tips-commands.js';
import { liveBot } from './live-bot.js';
import type { CliIo } from './main.js';
import { PLATFORMS, postersFromConfig } from './platforms.js';

/** How long a clean stop may take: a tip post in flight needs up to 20 s, then its ledger write. */
export const STOP_DEADLINE_MS = 30_000;

interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Resolves when the bot should stop; by default SIGTERM or SIGINT. */
  until?: Promise<unknown>;
  clock?: () => Date;
}

/**
 * Starts what the configuration enables. With no Slack or Discord credentials
 * that is the console chat on stdin/stdout. Otherwise: the store (migrated),
 * the adapters, and the weekly-tip scheduler; on SIGTERM/SIGINT they stop in
 * reverse order (scheduler, adapters, posters, store) within a deadline.
 */
export async function start(content: Content, config: Config, io: CliIo, options: StartOptions = {}): Promise<number> {
  const clock = options.clock ?? (() => new Date());
  const enabled = PLATFORMS.filter((p) => p.chatEnabled(config));
  if (!enabled.length) {
    const logger = createLogger('warn', io.stderr);
    const chat = startConsoleChat(createBot({ content, logger, clock, surface: consoleSurface }), io.stdin, io.stdout);
    await chat.closed;
    return 0;
  }

  const logger = createLogger(config.LOG_LEVEL, io.stderr);
  const running: Stoppable[] = [];
  // A platform that can never reconnect (token revoked, intents refused) stops
  // the bot with a failure code, so a supervisor restarts or alerts.
  let fatal: (err: Error) => void = () => undefined;
  const fatalStop = new Promise<Error>((resolve) => (fatal = resolve));
  try {
    const store = await openStore({ ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}), dataDir: config.DATA_DIR, logger });
    running.push({ name: 'store', stop: () => store.close() });
    const tipsCommands = createTipsCommands({ store, content, clock, logger });
    const channelTip = (channel: ChannelRef) => channelTipOfTheWeek(store, content, channel, clock());
    // Platforms hold the bot through a delegate, so replacing `bot` reaches them.
    const bot: Bot = createBot({ content, logger, clock, tipsCommands, channelTip, surface: consoleSurface });
    const posters = postersFromConfig(config, logger, store);
    running.push(...posters.map((p) => ({ name: `${p.platform} poster`, stop: () => p.stop() })));
    for (const platform of enabled) {
      const started = await platform.start({ bot: liveBot(() => bot), config, logger, onFatal: (err) => fatal(err), store });
      running.push({ name: platform.name, stop: () => started.stop() });
    }
    if (posters.length) {
      const scheduler = startTipScheduler({ store, content, posters, clock, logger });
      running.push({ name: 'tip scheduler', stop: () => scheduler.stop() });
    }
    logger.info({ platforms: enabled.map((p) => p.name), slack: config.slack, store: config.DATABASE_URL ? 'postgres' : 'sqlite' }, 'career-bot started');
  } catch (err) {
    logger.error({ err }, 'career-bot failed to start');
    io.stderr.write(`career-bot: failed to start: ${(err as Error).message}\n`);
    await stopAll(running, logger);
    return 1;
  }

  const reason = await Promise.race([options.until ?? nextSignal(), fatalStop]);
  logger.info({ reason: reason instanceof Error ? reason.message : reason }, 'stopping');
  const clean = await stopAll(running, logger);
  return clean && !(reason instanceof Error) ? 0 : 1;
}

function nextSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (name: string) => () => {
      process.off('SIGTERM', term);
      process.off('SIGINT', int);
      resolve(name);
    };
    const term = on('SIGTERM');
    const int = on('SIGINT');
    process.once('SIGTERM', term);
    process.once('SIGINT', int);
  });
}

/** Stops in reverse start order; true when everything stopped within the deadline. */
async function stopAll(running: Stoppable[], logger: Logger): Promise<boolean> {
  const work = (async () => {
    let clean = true;
    for (const part of [...running].reverse()) {
      try {
        await part.stop();
      } catch (err) {
        clean = false;
        logger.error({ err, part: part.name }, 'stop failed');
      }
    }
    return clean;
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      logger.error({ deadlineMs: STOP_DEADLINE_MS }, 'stop deadline passed');
      resolve(false);
    }, STOP_DEADLINE_MS);
  });
  const clean = await Promise.race([work, deadline]);
  clearTimeout(timer);
  return clean;
}
