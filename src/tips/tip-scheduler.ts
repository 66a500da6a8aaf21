import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import cron, { type Logger as CronLogger } from 'node-cron';
import type { Content } from '../core/content/types.js';
import type { Logger } from '../core/logger.js';
import type { TipPoster } from '../core/tips/tip-poster.js';
import type { TipStore } from '../store/tip-store.js';
import type { PaceOptions } from './pacer.js';
import { runDue, type RunReport } from './run-due.js';

export interface TipSchedulerOptions {
  store: TipStore;
  content: Content;
  posters: readonly TipPoster[];
  clock: () => Date;
  logger: Logger;
  /** When to ask "what is due now?"; every minute by default. */
  cron?: string;
  pace?: PaceOptions;
  /** Also run once right away, so a restart catches up without waiting for the first tick (default true). */
  runOnStart?: boolean;
  /** Sees every finished run's report (metrics). */
  onReport?: (report: RunReport) => void;
  /**
   * Replicas sharing a store take turns through a lease (default on), so a
   * fan-out is paced by one process instead of several multiplying the rate.
   */
  lease?: boolean;
}

/** The lease's name in the store, and how long it lives without renewal. */
export const RUN_LEASE = 'weekly-tips-run';
export const RUN_LEASE_TTL_MS = 2 * 60 * 1000;

export interface TipScheduler {
  /** Runs now unless a run is in flight (then waits for that one). Null once stopped or when the run failed. */
  runNow(): Promise<RunReport | null>;
  /**
   * Stops ticking, lets in-flight posts finish and be marked, takes no new ones. Idempotent. Leaves the
   * posters and store to their owner.
   */
  stop(): Promise<void>;
}

/**
 * The in-process schedule. node-cron only wakes us; what to post comes from
 * the store (pending slots) and the ledger makes each post happen once, so
 * node-cron's lack of catch-up and of durable coordination does not matter,
 * and several replicas may tick at once.
 */
export function startTipScheduler(o: TipSchedulerOptions): TipScheduler {
  const logger = o.logger.child({ component: 'tips-scheduler' });
  const controller = new AbortController();
  let inflight: Promise<RunReport | null> | null = null;
  let stopping: Promise<void> | null = null;
  const runnerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  const leasedRun = async (): Promise<RunReport | null> => {
    const useLease = o.lease ?? true;
    if (useLease && !(await o.store.tryLease(RUN_LEASE, runnerId, RUN_LEASE_TTL_MS, o.clock()))) {
      logger.debug({}, 'another replica holds the run lease; skipping this tick');
      return null;
    }
    // Renewed while a long fan-out runs; if this process dies, another takes over when it lapses.
    const renew = useLease
      ? setInterval(
          () =>
            void o.store
              .tryLease(RUN_LEASE, runnerId, RUN_LEASE_TTL_MS, o.clock())
              .catch((err: unknown) => logger.warn({ err }, 'could not renew the run lease')),
          RUN_LEASE_TTL_MS / 4,
        )
      : undefined;
    renew?.unref();
    try {
      const report = await runDue({
        store: o.store,
        content: o.content,
        posters: o.posters,
        clock: o.clock,
        logger: o.logger,
        signal: controller.signal,
        runnerId,
        ...(o.pace ? { pace: o.pace } : {}),
      });
      o.onReport?.(report);
      return report;
    } finally {
      clearInterval(renew);
      if (useLease)
        await o.store
          .releaseLease(RUN_LEASE, runnerId)
          .catch((err: unknown) => logger.warn({ err }, 'could not release the run lease'));
    }
  };

  const runNow = (): Promise<RunReport | null> => {
    if (stopping) return Promise.resolve(null);
    inflight ??= leasedRun()
      .catch((err: unknown) => {
        logger.error({ err }, 'weekly tips run failed; the next tick tries again');
        return null;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };

  // No node-cron noOverlap: runNow already joins a run in flight instead of starting another.
  const task = cron.schedule(o.cron ?? '* * * * *', () => runNow(), {
    name: 'career-bot weekly tips',
    logger: cronLogger(logger),
  });
  if (o.runOnStart ?? true) void runNow();
  logger.info({ cron: o.cron ?? '* * * * *' }, 'weekly tips scheduler started');

  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await task.destroy();
      controller.abort();
      await inflight;
      logger.info({}, 'weekly tips scheduler stopped');
    })());

  return { runNow, stop };
}

function cronLogger(logger: Logger): CronLogger {
  return {
    info: (m) => logger.debug({ source: 'node-cron' }, m),
    debug: (m) => logger.debug({ source: 'node-cron' }, String(m)),
    warn: (m) => logger.warn({ source: 'node-cron' }, m),
    error: (m, err) => logger.error({ source: 'node-cron', err: err ?? m }, String(m)),
  };
}
