import type { Content } from '../../../src/core/content/types.js';
import { shippedContent } from '../../helpers/content.js';

/** The shipped content, or a copy keeping only the first `n` tips (to see rotations wrap). */
export function contentWithTips(n?: number): Content {
  const content = shippedContent();
  return n === undefined ? content : { ...content, tips: content.tips.slice(0, n) };
}

/** A clock tests move by hand. */
export function manualClock(start: string) {
  let now = new Date(start);
  const clock = () => now;
  return Object.assign(clock, {
    set: (iso: string) => void (now = new Date(iso)),
    add: (ms: number) => void (now = new Date(now.getTime() + ms)),
  });
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Pacing off for logic tests: no waiting between posts. */
export const NO_PACE = { slack: { perSecond: 0, perChannelMs: 0 }, discord: { perSecond: 0, perChannelMs: 0 } };
