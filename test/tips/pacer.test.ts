import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/tips/pacer.js';

/** A fake monotonic clock whose sleep just moves time (and can be made to oversleep, like a stalled event loop). */
function fakeTime() {
  let t = 0;
  let stallOnce = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += Math.max(0, ms) + stallOnce;
      stallOnce = 0;
    },
    stall: (ms: number) => (stallOnce = ms),
  };
}

describe('pacing posts under rate limits', () => {
  it('spaces posts evenly at the global rate', async () => {
    const time = fakeTime();
    const pacer = createPacer('discord', {
      discord: { perSecond: 50, perChannelMs: 0 },
      now: time.now,
      sleep: time.sleep,
    });
    const at: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pacer.wait(`c${i}`);
      at.push(time.now());
    }
    expect(at).toEqual([0, 20, 40, 60, 80]);
  });

  it('keeps a per-channel gap', async () => {
    const time = fakeTime();
    const pacer = createPacer('slack', {
      slack: { perSecond: 100, perChannelMs: 1000 },
      now: time.now,
      sleep: time.sleep,
    });
    await pacer.wait('C1');
    await pacer.wait('C1');
    expect(time.now()).toBe(1000);
  });

  it('never lets more than the rate into any one-second window, even when a stall wakes many waiters at once', async () => {
    // Timers as a queue the test drives; one stall makes the clock jump 450 ms past a due timer.
    let t = 0;
    const timers: { until: number; resolve: () => void }[] = [];
    const sleep = (ms: number) => new Promise<void>((resolve) => timers.push({ until: t + Math.max(0, ms), resolve }));
    const pacer = createPacer('discord', { discord: { perSecond: 10, perChannelMs: 0 }, now: () => t, sleep });
    const sends: number[] = [];
    const all = Promise.all(Array.from({ length: 40 }, (_, i) => pacer.wait(`c${i}`).then(() => sends.push(t))));
    let fired = 0;
    while (timers.length) {
      timers.sort((a, b) => a.until - b.until);
      const next = timers.shift()!;
      t = Math.max(t, next.until) + (++fired === 12 ? 450 : 0);
      // Everything due by now wakes together, as after a blocked event loop.
      const due = [next, ...timers.filter((x) => x.until <= t)];
      for (const d of due.slice(1)) timers.splice(timers.indexOf(d), 1);
      for (const d of due) d.resolve();
      await new Promise((r) => setImmediate(r));
    }
    await all;
    expect(sends).toHaveLength(40);
    for (const s of sends) expect(sends.filter((x) => x > s - 1000 && x <= s).length).toBeLessThanOrEqual(10);
  });

  it('gives up waiting when stopped', async () => {
    const controller = new AbortController();
    controller.abort();
    const pacer = createPacer('slack');
    expect(await pacer.wait('C1', controller.signal)).toBe(false);
  });
});
