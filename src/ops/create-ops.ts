import type { RunReport } from '../tips/run-due.js';
import { createMetrics, type BotMetrics } from './metrics.js';
import { opsRoutes, type OpsRoutes } from './ops-routes.js';
import { createReadiness, type Readiness } from './readiness.js';
import { recordTipsRun } from './tip-metrics.js';

/** A platform adapter as readiness sees it; the seam's `Platform.ready()` fits. */
interface ReadyPlatform {
  ready(): boolean;
  notReadyParts?(): string[];
}

export interface Ops {
  readonly metrics: BotMetrics | undefined;
  readonly readiness: Readiness;
  readonly routes: OpsRoutes;
  /** Spread into openStore's options: query latency into the histogram. */
  readonly storeTiming: { onQuery?: (seconds: number, backend: string) => void };
  /** Spread into startTipScheduler's options: run outcomes into the counters. */
  readonly tipsReporting: { onReport?: (report: RunReport) => void };
  /**
   * Registers the platform's readiness before it starts (so a platform still
   * connecting reads "not ready"); `set` hands over the started adapter.
   */
  platform(name: string): { set(adapter: ReadyPlatform): void };
  /** Spread into a platform's options: its 429s into `career_bot_rate_limited_total`. */
  rateLimits(platform: string): { onRateLimited?: () => void };
}

/** What start-up needs for the probes and metrics, built once per bot. */
export function createOps(withMetrics: boolean): Ops {
  const metrics = withMetrics ? createMetrics() : undefined;
  const readiness = createReadiness();
  return {
    metrics,
    readiness,
    routes: opsRoutes({ readiness, ...(metrics ? { metrics } : {}) }),
    storeTiming: metrics ? { onQuery: (seconds, backend) => metrics.storeQuery.observe({ backend }, seconds) } : {},
    tipsReporting: metrics ? { onReport: (report) => recordTipsRun(metrics, report) } : {},
    rateLimits: (platform) => (metrics ? { onRateLimited: () => metrics.rateLimited.inc({ platform }) } : {}),
    platform(name) {
      let adapter: ReadyPlatform | undefined;
      readiness.add({
        name,
        ready: () => adapter?.ready() ?? false,
        notReadyParts: () => adapter?.notReadyParts?.() ?? [],
      });
      return { set: (a) => void (adapter = a) };
    },
  };
}
