import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { collectProcessMetrics } from './process-metrics.js';

/** Fixed label values keep series few: platform names, intents and outcomes, never users or text. */
export type MetricPlatform = 'slack' | 'discord' | 'console';

export interface BotMetrics {
  readonly registry: Registry;
  /** Contract: one per answer given, by platform and the core's intent. */
  readonly answers: Counter<'platform' | 'intent'>;
  readonly answerDuration: Histogram<'platform'>;
  /** Contract: outcome `posted`, `failed` or `skipped`. */
  readonly tipPosts: Counter<'platform' | 'outcome'>;
  /** Every channel a tips run looked at, by the run's own outcome (paused, retry-later, ...). */
  readonly tipsRun: Counter<'outcome'>;
  readonly tipsDue: Counter;
  readonly rateLimited: Counter<'platform'>;
  readonly storeQuery: Histogram<'backend'>;
  /** 1 when the named readiness check passes (platform connections, store): set at scrape time. */
  readonly ready: Gauge<'check'>;
}

/**
 * One registry per bot process (not prom-client's global one), so tests and
 * two bots in one process never share counters. `defaults` adds the process
 * metrics (CPU, RSS, heap, event-loop lag, handles; not GC, see process-metrics.ts).
 */
export function createMetrics(o: { defaults?: boolean } = {}): BotMetrics {
  const registry = new Registry();
  if (o.defaults !== false) collectProcessMetrics(registry);
  const registers = [registry];
  return {
    registry,
    answers: new Counter({
      name: 'career_bot_answers_total',
      help: 'Answers given, by platform and intent',
      labelNames: ['platform', 'intent'],
      registers,
    }),
    answerDuration: new Histogram({
      name: 'career_bot_answer_duration_seconds',
      help: 'Time from a message reaching the core to its reply',
      labelNames: ['platform'],
      // The core answers in well under a millisecond; the tail is a slow store or event loop.
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    tipPosts: new Counter({
      name: 'career_bot_tip_posts_total',
      help: 'Weekly tip posts by outcome (posted, failed, skipped)',
      labelNames: ['platform', 'outcome'],
      registers,
    }),
    tipsRun: new Counter({
      name: 'career_bot_tips_run_channels_total',
      help: 'Channels handled by tips runs, by run outcome',
      labelNames: ['outcome'],
      registers,
    }),
    tipsDue: new Counter({
      name: 'career_bot_tips_due_total',
      help: 'Subscriptions found due by tips runs',
      registers,
    }),
    rateLimited: new Counter({
      name: 'career_bot_rate_limited_total',
      help: 'HTTP 429 answers received from a platform API',
      labelNames: ['platform'],
      registers,
    }),
    storeQuery: new Histogram({
      name: 'career_bot_store_query_duration_seconds',
      help: 'Store query latency',
      labelNames: ['backend'],
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 2],
      registers,
    }),
    ready: new Gauge({
      name: 'career_bot_ready',
      help: '1 when the named readiness check passes (platform connected, store answering)',
      labelNames: ['check'],
      registers,
    }),
  };
}
