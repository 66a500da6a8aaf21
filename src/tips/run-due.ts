import { hostname } from 'node:os';
import { tipReply } from '../core/answer/simple-answers.js';
import type { Content } from '../core/content/types.js';
import type { Logger } from '../core/logger.js';
import { planDue } from '../core/tips/slots.js';
import type { Subscription, TipPlatform } from '../core/tips/subscription.js';
import type { PostOutcome, TipPoster } from '../core/tips/tip-poster.js';
import type { TipStore } from '../store/tip-store.js';
import { nextTipFor } from './next-tip.js';
import { createPacer, type PaceOptions, type Pacer } from './pacer.js';
import { postOne, type ChannelOutcome, type Outcome, type PostGate } from './post-one.js';

export type { ChannelOutcome, Outcome } from './post-one.js';

export interface RunDueOptions {
  store: TipStore;
  content: Content;
  posters: readonly TipPoster[];
  /** The real clock, for the ledger's timestamps, claim ages and retry backoffs. */
  clock: () => Date;
  /** The instant to post for: what is due then (default `clock()`). Only decides what is due. */
  at?: Date;
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

const OUTCOMES: readonly Outcome[] = [
  'posted',
  'skipped',
  'already-handled',
  'in-flight',
  'unknown',
  'failed',
  'retry-later',
  'gave-up',
  'paused',
  'token-refused',
  'no-poster',
  'no-tips',
  'stopped',
  'error',
];

/**
 * Posts every tip due at `at` (default now), once. For each due channel:
 * claim the (platform, channel, slot) row, wait for the pace, post, mark,
 * move the channel's pending slot on. Only a few claims are open at a time
 * (the workers in flight), so a crash leaves at most those with an unknown
 * outcome; they are never re-posted (a miss, not a duplicate; docs/tips.md).
 * One channel's failure (a bad row, a store error) never stops the others,
 * and the run returns only when every worker has finished and marked its claim.
 */
export async function runDue(o: RunDueOptions): Promise<RunReport> {
  const now = o.at ?? o.clock();
  const logger = o.logger.child({ component: 'tips-run' });
  const runnerId = o.runnerId ?? `${hostname()}:${process.pid}`;
  const due = await o.store.dueSubscriptions(now);
  const channels: ChannelOutcome[] = [];
  const byPlatform = new Map<TipPlatform, Subscription[]>();
  for (const sub of due) byPlatform.set(sub.platform, [...(byPlatform.get(sub.platform) ?? []), sub]);

  await Promise.allSettled(
    [...byPlatform].map(async ([platform, subs]) => {
      const poster = o.posters.find((p) => p.platform === platform);
      if (!poster) {
        logger.warn(
          { platform, channels: subs.length },
          'tips are due but this process has no poster for the platform; leaving them for one that has',
        );
        for (const s of subs)
          channels.push({ platform, channelId: s.channelId, slot: s.pending.key, outcome: 'no-poster' });
        return;
      }
      const pacer = createPacer(platform, o.pace, poster.pace);
      const gate = createPostGate((reason) =>
        logger.error(
          { platform, reason },
          'the platform refused the bot token: not posting to any more of its channels this run; ' +
            'their tips stay due for a run with a working token',
        ),
      );
      const queue = subs.values();
      const worker = async () => {
        for (const sub of queue) channels.push(await handleOne(sub, poster, pacer, gate));
      };
      // Settled, not all: a worker that failed must not let the run (and the CLI's store) close under the others.
      const results = await Promise.allSettled(Array.from({ length: Math.max(1, pacer.pace.concurrency) }, worker));
      for (const r of results) {
        if (r.status !== 'rejected') continue;
        const err: unknown = r.reason;
        logger.error({ err, platform }, 'a weekly tips worker failed');
      }
    }),
  );

  async function handleOne(
    sub: Subscription,
    poster: TipPoster,
    pacer: Pacer,
    gate: PostGate,
  ): Promise<ChannelOutcome> {
    const base = { platform: sub.platform, channelId: sub.channelId };
    const log = logger.child({ platform: sub.platform, channel: sub.channelId });
    let slot = sub.pending.key;
    try {
      // Inside the try: a row with a schedule we cannot use (an unknown zone) fails alone.
      const plan = planDue(sub.schedule, sub.pending, now.getTime());
      if (plan.kind === 'wait') return { ...base, slot, outcome: 'already-handled' };
      slot = plan.slot.key;
      if (plan.missed > 0)
        log.info(
          { missed: plan.missed, slot },
          'dropping weekly slots missed while no run happened; posting only the current week',
        );
      if (o.signal?.aborted) return { ...base, slot, outcome: 'stopped' };
      if (sub.skipSlot === plan.slot.key) {
        // The run records it; the admin's skip itself was logged with their name when they asked.
        await o.store.recordSkip(sub, plan.slot, { at: o.clock(), by: 'system' });
        await o.store.advance(sub, sub.rev, plan.next, true);
        log.info({ slot }, 'skipped this week as an admin asked');
        return { ...base, slot, outcome: 'skipped' };
      }
      if (gate.halted) return { ...base, slot, outcome: 'token-refused' };
      return await postOne({
        store: o.store,
        sub,
        plan,
        poster,
        pacer,
        gate,
        clock: o.clock,
        runnerId,
        log,
        signal: o.signal,
        pickTip: () => nextTipFor(o.store, o.content, sub),
        render: (tip) => tipReply(o.content, tip, null, poster.surface),
      });
    } catch (err) {
      // A store fault or a bad row on one channel must not stop the others; its slot stays pending.
      log.error({ err, slot }, 'weekly tip failed with an error');
      return { ...base, slot, outcome: 'error', reason: (err as Error).message };
    }
  }

  const counts = Object.fromEntries(OUTCOMES.map((k) => [k, 0])) as Record<Outcome, number>;
  for (const c of channels) counts[c.outcome] += 1;
  const report: RunReport = { at: now.toISOString(), due: due.length, counts, channels };
  if (due.length) logger.info({ at: report.at, due: due.length, ...nonZero(counts) }, 'weekly tips run finished');
  return report;
}

/**
 * The first post of a platform's fan-out goes alone; the rest wait for its
 * outcome. A refused token halts the platform for the run (logged once).
 */
export function createPostGate(onHalt: (reason: string) => void): PostGate {
  let state: 'first' | 'probing' | 'open' | 'halted' = 'first';
  let waiting: ((open: boolean) => void)[] = [];
  const release = (open: boolean) => {
    for (const w of waiting) w(open);
    waiting = [];
  };
  return {
    get halted() {
      return state === 'halted';
    },
    async open() {
      if (state === 'open') return true;
      if (state === 'halted') return false;
      if (state === 'first') {
        state = 'probing';
        return true;
      }
      return new Promise<boolean>((resolve) => waiting.push(resolve));
    },
    settle(outcome: PostOutcome | null) {
      if (state === 'halted') return;
      if (outcome && !outcome.ok && outcome.tokenRefused) {
        state = 'halted';
        onHalt(outcome.reason);
        release(false);
      } else if (state === 'probing') {
        // Only the probe is past open() while probing, so this is its outcome.
        state = 'open';
        release(true);
      }
    },
  };
}

function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, v]) => v > 0));
}
