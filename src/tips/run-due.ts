import { hostname } from 'node:os';
import { tipReply } from '../core/answer/simple-answers.js';
import type { Content } from '../core/content/types.js';
import type { Logger } from '../core/logger.js';
import { planDue } from '../core/tips/slots.js';
import { TIP_PLATFORMS, type Subscription, type TipPlatform } from '../core/tips/subscription.js';
import type { TipPoster } from '../core/tips/tip-poster.js';
import type { TipStore } from '../store/tip-store.js';
import { nextTipFor } from './next-tip.js';
import { createPacer, type PaceOptions, type Pacer } from './pacer.js';
import { postOne, type ChannelOutcome, type Outcome } from './post-one.js';

export type { ChannelOutcome, Outcome } from './post-one.js';

export interface RunDueOptions {
  store: TipStore;
  content: Content;
  posters: readonly TipPoster[];
  clock: () => Date;
  logger: Logger;
  pace?: PaceOptions;
  /** Stops taking new channels; posts already sent are still marked. */
  signal?: AbortSignal;
  /** Names this process in the ledger; default `host:pid`. */
  runnerId?: string;
}

/** What one run did, by outcome, with one line per channel it looked at. */
export interface RunReport {
  at: string;
  due: number;
  counts: Record<Outcome, number>;
  channels: ChannelOutcome[];
}

const OUTCOMES: readonly Outcome[] = ['posted', 'skipped', 'already-handled', 'in-flight', 'unknown', 'failed', 'gave-up', 'paused', 'no-poster', 'no-tips', 'stopped', 'error'];

/**
 * Posts every tip due at `clock()`, once. For each due channel: claim the
 * (platform, channel, slot) row, wait for the pace, post, mark, move the
 * channel's pending slot on. Only a few claims are open at a time (the
 * workers in flight), so a crash leaves at most those with an unknown
 * outcome; they are never re-posted (a miss, not a duplicate; docs/tips.md).
 */
export async function runDue(o: RunDueOptions): Promise<RunReport> {
  const now = o.clock();
  const logger = o.logger.child({ component: 'tips-run' });
  const runnerId = o.runnerId ?? `${hostname()}:${process.pid}`;
  const due = await o.store.dueSubscriptions(now);
  const channels: ChannelOutcome[] = [];
  const byPlatform = new Map<TipPlatform, Subscription[]>();
  for (const sub of due) byPlatform.set(sub.platform, [...(byPlatform.get(sub.platform) ?? []), sub]);

  await Promise.all(
    TIP_PLATFORMS.map(async (platform) => {
      const subs = byPlatform.get(platform) ?? [];
      if (!subs.length) return;
      const poster = o.posters.find((p) => p.platform === platform);
      if (!poster) {
        logger.warn({ platform, channels: subs.length }, 'tips are due but this process has no poster for the platform; leaving them for one that has');
        for (const s of subs) channels.push({ platform, channelId: s.channelId, slot: s.pending.key, outcome: 'no-poster' });
        return;
      }
      const pacer = createPacer(platform, o.pace);
      const queue = subs.values();
      const worker = async () => {
        for (const sub of queue) channels.push(await handleOne(sub, poster, pacer));
      };
      await Promise.all(Array.from({ length: Math.max(1, pacer.pace.concurrency) }, worker));
    }),
  );

  async function handleOne(sub: Subscription, poster: TipPoster, pacer: Pacer): Promise<ChannelOutcome> {
    const base = { platform: sub.platform, channelId: sub.channelId };
    const log = logger.child({ platform: sub.platform, channel: sub.channelId });
    const plan = planDue(sub.schedule, sub.pending, now.getTime());
    if (plan.kind === 'wait') return { ...base, slot: sub.pending.key, outcome: 'already-handled' };
    if (plan.missed > 0) log.info({ missed: plan.missed, slot: plan.slot.key }, 'dropping weekly slots missed while no run happened; posting only the current week');
    try {
      if (o.signal?.aborted) return { ...base, slot: plan.slot.key, outcome: 'stopped' };
      if (sub.skipSlot === plan.slot.key) {
        await o.store.recordSkip(sub, plan.slot, { at: now, by: sub.updatedBy });
        await o.store.advance(sub, sub.rev, plan.next, true);
        log.info({ slot: plan.slot.key }, 'skipped this week as an admin asked');
        return { ...base, slot: plan.slot.key, outcome: 'skipped' };
      }
      return await postOne({ store: o.store, sub, plan, poster, pacer, now, clock: o.clock, runnerId, log, signal: o.signal, pickTip: () => nextTipFor(o.store, o.content, sub), render: (tip) => tipReply(o.content, tip, o.content.roleById.get(tip.roles[0] ?? '') ?? null) });
    } catch (err) {
      // A store fault on one channel must not stop the others; its slot stays pending.
      log.error({ err, slot: plan.slot.key }, 'weekly tip failed with an error');
      return { ...base, slot: plan.slot.key, outcome: 'error', reason: (err as Error).message };
    }
  }

  const counts = Object.fromEntries(OUTCOMES.map((k) => [k, 0])) as Record<Outcome, number>;
  for (const c of channels) counts[c.outcome] += 1;
  const report: RunReport = { at: now.toISOString(), due: due.length, counts, channels };
  if (due.length) logger.info({ at: report.at, due: due.length, ...nonZero(counts) }, 'weekly tips run finished');
  return report;
}

function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, v]) => v > 0));
}

