import type { TipPlatform } from '../core/tips/subscription.js';
import type { PostingPace } from '../core/tips/tip-poster.js';

/** How fast one platform may be posted to (each poster says so for its platform). */
export type PlatformPace = PostingPace;

export interface PaceOptions {
  /** Overrides of a poster's pace, by platform name (tests post without waiting). */
  [platform: string]: Partial<PlatformPace> | ((...args: never[]) => unknown) | undefined;
  /** Monotonic milliseconds; injected by tests. */
  now?: () => number;
  /** Waits; resolves early when the signal aborts. Injected by tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A platform that names no pace of its own is posted to carefully. */
const CAREFUL: PlatformPace = { perSecond: 4, perChannelMs: 1100, concurrency: 4 };

export interface Pacer {
  readonly pace: PlatformPace;
  /** Reserves the next send time for a channel and waits for it; false when aborted first. */
  wait(channel: string, signal?: AbortSignal): Promise<boolean>;
}

export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Spaces sends evenly: each call reserves the earliest time that keeps both
 * the global rate and the channel's gap (absolute times, so timer lateness
 * does not accumulate). Then, because a stalled event loop wakes several
 * reservations at once, it also checks the sends actually made in the last
 * second, the way the platform counts them, and waits if that is full.
 */
export function createPacer(platform: TipPlatform, options: PaceOptions = {}, base: PlatformPace = CAREFUL): Pacer {
  const override = options[platform];
  const pace: PlatformPace = { ...base, ...(typeof override === 'object' ? override : {}) };
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const interval = pace.perSecond > 0 ? 1000 / pace.perSecond : 0;
  let nextGlobal = -Infinity;
  const nextByChannel = new Map<string, number>();
  const perWindow = Math.max(1, Math.floor(pace.perSecond));
  const sent: number[] = []; // actual send times within the last second, oldest first

  const wait = async (channel: string, signal?: AbortSignal): Promise<boolean> => {
    const t = now();
    const at = Math.max(t, nextGlobal, nextByChannel.get(channel) ?? -Infinity);
    nextGlobal = at + interval;
    if (pace.perChannelMs > 0) {
      if (nextByChannel.size > 50_000) for (const [k, v] of nextByChannel) if (v <= t) nextByChannel.delete(k);
      nextByChannel.set(channel, at + pace.perChannelMs);
    }
    await sleep(at - t, signal);
    while (interval > 0 && !signal?.aborted) {
      const n = now();
      while (sent.length && sent[0]! <= n - 1000) sent.shift();
      if (sent.length < perWindow) {
        sent.push(n);
        break;
      }
      await sleep(sent[0]! + 1000 - n, signal);
    }
    return !signal?.aborted;
  };
  return { pace, wait };
}
