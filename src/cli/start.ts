import { hostname } from 'node:os';
import { startConsoleChat } from '../adapters/console/console-chat.js';
import { consoleSurface } from '../adapters/console/console-surface.js';
import type { EventClaims } from '../adapters/platform.js';
import type { Config } from '../config.js';
import { createBot } from '../core/bot.js';
import { createMemoryContextStore } from '../core/conversation/memory-context-store.js';
import { createLiveBot } from '../core/content/live-bot.js';
import type { Content } from '../core/content/types.js';
import type { Logger } from '../core/logger.js';
import type { ChannelRef } from '../core/tips/subscription.js';
import { createLogger } from '../create-logger.js';
import { createOps } from '../ops/create-ops.js';
import { measureBot, type MeasuredBot } from '../ops/measured-bot.js';
import { startOpsServer } from '../ops/ops-server.js';
import { explainStartupError, type StartupStep } from '../ops/startup-errors.js';
import { openStore } from '../store/open-store.js';
import { startLearning } from '../learn/start-learning.js';
import { reportLines, usageReport } from '../learn/usage-report.js';
import { channelTipOfTheWeek } from '../tips/channel-tip.js';
import { startTipScheduler } from '../tips/tip-scheduler.js';
import { createTipsCommands } from '../tips/tips-commands.js';
import { startContentReloader } from './content-reloader.js';
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
  /** Prometheus metrics on /metrics (default on; off for the benchmark's comparison). */
  metrics?: boolean;
}

/**
 * Starts what the configuration enables. With no Slack or Discord credentials
 * that is the console chat on stdin/stdout. Otherwise: the probes' server
 * (unless Slack's receiver serves them), the store (migrated), the adapters,
 * and the weekly-tip scheduler. On SIGTERM/SIGINT, even mid start-up,
 * readiness turns 503, answers in flight finish, then the rest stops in
 * reverse order (scheduler, adapters, posters, store, probes) within a deadline.
 */
export async function start(content: Content, config: Config, io: CliIo, options: StartOptions = {}): Promise<number> {
  const clock = options.clock ?? (() => new Date());
  const enabled = PLATFORMS.filter((p) => p.chatEnabled(config));
  if (!enabled.length) {
    io.signals?.release();
    const logger = createLogger('warn', io.stderr);
    const contexts = createMemoryContextStore({ ttlMs: config.conversationTtlMinutes * 60_000 });
    const bot = createLiveBot(
      (c) => createBot({ content: c, logger, clock, contexts, surface: consoleSurface }),
      content,
    );
    const reloader = startContentReloader({ dir: content.dir, bot, logger, watchFiles: config.CONTENT_WATCH });
    const chat = startConsoleChat(bot, io.stdin, io.stdout);
    await chat.closed;
    await reloader.stop();
    return 0;
  }

  // Trapped before anything starts: a stop asked for during start-up is a clean stop too.
  const stopAsked = options.until ?? io.signals?.stopRequested ?? nextSignal();
  const logger = createLogger(config.LOG_LEVEL, io.stderr);
  const running: Stoppable[] = [];
  // A platform that can never reconnect (token revoked, intents refused) stops
  // the bot with a failure code, so a supervisor restarts or alerts.
  let fatal: (err: Error) => void = () => undefined;
  const fatalStop = new Promise<Error>((resolve) => (fatal = resolve));
  // ---- ops (issue 13): probes, metrics, answers in flight ----
  const ops = createOps(options.metrics !== false);
  let measured: MeasuredBot | undefined;
  let startStep: StartupStep = 'ops';
  let abandon = false;
  /** Runs one start-up step; what it started is stopped with the rest, even when a stop came meanwhile. */
  const step = async <T extends { stop(): Promise<void> } | { close(): Promise<void> }>(
    name: StartupStep,
    label: string,
    fn: () => Promise<T>,
  ): Promise<T> => {
    startStep = name;
    const part = await fn();
    running.push({ name: label, stop: () => ('stop' in part ? part.stop() : part.close()) });
    if (abandon) throw new StartAbandoned();
    return part;
  };
  // ----
  // Registered before anything starts, so a platform still connecting reads "not ready".
  const platformReadiness = enabled.map((p) => [p, ops.platform(p.name)] as const);
  const startUp = (async () => {
    if (!enabled.some((p) => p.servesRoutes(config)))
      await step('ops', 'ops server', () => startOpsServer({ port: config.PORT, routes: ops.routes, logger }));
    const store = await step('store', 'store', () =>
      openStore({
        ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
        dataDir: config.DATA_DIR,
        logger,
        ...ops.storeTiming,
      }),
    );
    ops.readiness.add({ name: 'store', ready: () => store.ping().then(() => true) });
    const tipsCommands = createTipsCommands({ store, content, clock, logger });
    const channelTip = (channel: ChannelRef) => channelTipOfTheWeek(store, content, channel, clock());
    const contexts = store.contexts(config.conversationTtlMinutes * 60_000);
    const { answerLog } = await step('store', 'question log', () =>
      Promise.resolve(startLearning(store.learning, config, clock, logger)),
    );
    const reports = async (since: string | null, workspace: string | null) =>
      reportLines(await usageReport(store.learning, since, workspace));
    // One bot per content snapshot: a reload (SIGHUP, CONTENT_WATCH) swaps it whole, and platforms hold the live one.
    const live = createLiveBot(
      (c) =>
        createBot({
          content: c,
          logger,
          clock,
          tipsCommands,
          channelTip,
          contexts,
          answerLog,
          usageReport: reports,
          surface: consoleSurface,
        }),
      content,
    );
    const reloader = startContentReloader({ dir: content.dir, bot: live, logger, watchFiles: config.CONTENT_WATCH });
    running.push({ name: 'content reloader', stop: () => reloader.stop() });
    measured = measureBot(live, ops.metrics);
    const bot = measured.bot;
    startStep = 'tip posters';
    const posters = await postersFromConfig(config, logger, store);
    running.push(...posters.map((p) => ({ name: `${p.platform} poster`, stop: () => p.stop() })));
    // Replicas on one PostgreSQL claim event ids there; SQLite serves one process.
    const eventClaims: EventClaims | undefined =
      store.backend === 'postgres'
        ? { claim: (id, at) => store.claimEvent(id, INSTANCE, at), sweep: (before) => store.sweepEventClaims(before) }
        : undefined;
    for (const [platform, readiness] of platformReadiness) {
      const deps = {
        bot,
        config,
        logger,
        onFatal: (err: Error) => fatal(err),
        store,
        ...ops.rateLimits(platform.name),
      };
      const started = await step(platform.name, platform.name, () =>
        platform.start({
          ...deps,
          ...(platform.servesRoutes(config) ? { routes: ops.routes } : {}),
          ...(eventClaims ? { eventClaims } : {}),
        }),
      );
      readiness.set(started);
    }
    if (posters.length && config.TIPS_SCHEDULER === 'on') {
      await step('store', 'tip scheduler', () =>
        Promise.resolve(startTipScheduler({ store, content, posters, clock, logger, ...ops.tipsReporting })),
      );
    } else if (posters.length) {
      logger.info(
        {},
        'TIPS_SCHEDULER=off: this process posts no weekly tips; run `career-bot tips run-due` on a schedule',
      );
    }
    logger.info(
      {
        platforms: enabled.map((p) => p.name),
        slack: config.slack,
        store: config.DATABASE_URL ? 'postgres' : 'sqlite',
      },
      'career-bot started',
    );
  })();

  const first = await Promise.race([
    startUp.then(
      () => 'started' as const,
      (err: unknown) => err,
    ),
    stopAsked.then((reason) => ({ stop: reason })),
    fatalStop,
  ]);
  if (first !== 'started' && !isStopRequest(first) && !(first instanceof StartAbandoned)) {
    const line = explainStartupError(startStep, first, config);
    logger.error({ err: first, step: startStep }, 'career-bot failed to start');
    io.stderr.write(`career-bot: failed to start: ${line}\n`);
    ops.readiness.markStopping();
    await stopAll(running, logger);
    return 1;
  }
  const reason = isStopRequest(first) ? first.stop : await Promise.race([stopAsked, fatalStop]);
  ops.readiness.markStopping();
  logger.info(
    { reason: reason instanceof Error ? reason.message : reason, duringStartUp: isStopRequest(first) },
    'stopping',
  );
  if (isStopRequest(first)) {
    // Let the step under way finish (it may hold a connection), then stop what started.
    abandon = true;
    await Promise.race([startUp.catch(() => undefined), delay(STARTUP_SETTLE_MS)]);
  }
  const inFlight = measured
    ? [{ name: 'answers in flight', stop: async () => void (await measured?.drained(STOP_DEADLINE_MS)) }]
    : [];
  const clean = await stopAll([...running, ...inFlight], logger);
  return clean && !(reason instanceof Error) ? 0 : 1;
}

/** Names this process in the shared event claims. */
const INSTANCE = `${hostname()}:${process.pid}`;
/** How long a stop during start-up waits for the step under way (a gateway login may never finish). */
const STARTUP_SETTLE_MS = 5_000;

class StartAbandoned extends Error {}
const isStopRequest = (v: unknown): v is { stop: unknown } =>
  typeof v === 'object' && v !== null && 'stop' in v && !(v instanceof Error);
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

function nextSignal(): Promise<string> {
  // Without a launcher (tests, embedding): bin/career-bot.js traps them earlier and passes io.signals.
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
