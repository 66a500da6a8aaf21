import type { TipPlatform } from '../core/tips/subscription.js';

/** How fast one platform may be posted to. */
export interface PlatformPace {
  /** Posts per second across all channels (the bot's global budget). */
  perSecond: number;
  /** Minimum gap between two posts to the same channel. */
  perChannelMs: number;
  /** Posts in flight at once; enough to cover latency and a library's 429 back-off. */
  concurrency: number;
}

export interface PaceOptions {
  /** Overrides by platform name (tests post without waiting). */
  [platform: string]: Partial<PlatformPace> | ((...args: never[]) => unknown) | undefined;
  slack?: Partial<PlatformPace>;
  discord?: Partial<PlatformPace>;
  /** Monotonic milliseconds; injected by tests. */
  now?: () => number;
  /** Waits; resolves early when the signal aborts. Injected by tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Slack: about 1 message per second per channel, and a workspace-wide budget
 * of several hundred a minute. Discord: 50 requests per second per bot, kept
 * a little under so clock jitter does not tip a window over.
 */
export const DEFAULT_PACE: Record<TipPlatform, PlatformPace> = {
  slack: { perSecond: 4, perChannelMs: 1100, concurrency: 4 },
  discord: { perSecond: 48, perChannelMs: 1100, concurrency: 8 },
};

/** A platform with no pace of its own here is posted to as carefully as Slack. */
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
export function createPacer(platform: TipPlatform, options: PaceOptions = {}): Pacer {
  const override = options[platform];
  const pace: PlatformPace = { ...(DEFAULT_PACE[platform] ?? CAREFUL), ...(typeof override === 'object' ? override : {}) };
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
