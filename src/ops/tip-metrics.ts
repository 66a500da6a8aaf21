import type { Outcome } from '../tips/post-one.js';
import type { RunReport } from '../tips/run-due.js';
import type { BotMetrics } from './metrics.js';

/**
 * The contract's three post outcomes, from a run's finer ones. Outcomes that
 * are not a post attempt of this run (already handled, in flight elsewhere,
 * no poster here, stopped, no tips left) are not counted as posts; every
 * outcome is still counted in `career_bot_tips_run_channels_total`.
 */
const POST_OUTCOME: Partial<Record<Outcome, 'posted' | 'failed' | 'skipped'>> = {
  posted: 'posted',
  skipped: 'skipped',
  failed: 'failed',
  'gave-up': 'failed',
  paused: 'failed',
  'token-refused': 'failed',
  'retry-later': 'failed',
  unknown: 'failed',
  error: 'failed',
};

export function recordTipsRun(metrics: BotMetrics, report: RunReport): void {
  metrics.tipsDue.inc(report.due);
  for (const c of report.channels) {
    metrics.tipsRun.inc({ outcome: c.outcome });
    const post = POST_OUTCOME[c.outcome];
    if (post) metrics.tipPosts.inc({ platform: c.platform, outcome: post });
  }
}
