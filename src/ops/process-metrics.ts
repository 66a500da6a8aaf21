import { createRequire } from 'node:module';
import type { Registry } from 'prom-client';

/**
 * prom-client's default process metrics, all but `nodejs_gc_duration_seconds`.
 * Its GC PerformanceObserver runs a callback for every collection, and under a
 * burst of Slack commands (many short scavenges) that cost the /career ack p99
 * 20-40% in `node bench/metrics-cost.bench.mjs` against 0-5% without it.
 * GC pauses still show in the event-loop lag histogram. The collectors are
 * prom-client's own modules (the same ones `collectDefaultMetrics` calls).
 */
const COLLECTORS = [
  'processCpuTotal',
  'processStartTime',
  'osMemoryHeap',
  'processOpenFileDescriptors',
  'processMaxFileDescriptors',
  'eventLoopLag',
  'processHandles',
  'processRequests',
  'heapSizeAndUsed',
  'heapSpacesSizeAndUsed',
  'version',
];

type Collector = (registry: Registry, config: { eventLoopMonitoringPrecision: number }) => void;

export function collectProcessMetrics(registry: Registry): void {
  const require = createRequire(import.meta.url);
  const config = { eventLoopMonitoringPrecision: 10 };
  const names = typeof process.getActiveResourcesInfo === 'function' ? [...COLLECTORS, 'processResources'] : COLLECTORS;
  for (const name of names) (require(`prom-client/lib/metrics/${name}`) as Collector)(registry, config);
}
