import { fnv1a } from '../fnv1a.js';

/**
 * Which tip a channel gets next. Each channel walks its own shuffled order of
 * all tips (seeded by the channel and the cycle number) and sees every tip
 * once before any repeats; the state comes from the delivery ledger.
 */
export interface RotationState {
  /** The current cycle, 0 for a channel that never got a tip. */
  cycle: number;
  /** Tips posted (or possibly posted) in the current cycle. */
  seen: ReadonlySet<string>;
  /** The most recent tip, so a new cycle does not open with a repeat of it. */
  lastTipId: string | null;
}

export interface TipPick {
  tipId: string;
  cycle: number;
  /** Tips still unseen in the cycle after this one. */
  leftAfter: number;
}

/** The channel's order of tips within one cycle. */
export function cycleOrder(tipIds: readonly string[], channelKey: string, cycle: number): string[] {
  const keyed = tipIds.map((id) => ({ id, h: fnv1a(`${channelKey}|${cycle}|${id}`) }));
  keyed.sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((k) => k.id);
}

/** The next tip for a channel, or null when there are no tips at all. */
export function pickNextTip(tipIds: readonly string[], state: RotationState, channelKey: string): TipPick | null {
  if (tipIds.length === 0) return null;
  const unseen = cycleOrder(tipIds, channelKey, state.cycle).filter((id) => !state.seen.has(id));
  if (unseen.length > 0) return { tipId: unseen[0]!, cycle: state.cycle, leftAfter: unseen.length - 1 };
  const cycle = state.cycle + 1;
  const order = cycleOrder(tipIds, channelKey, cycle);
  if (order.length > 1 && order[0] === state.lastTipId) order.push(order.shift()!);
  return { tipId: order[0]!, cycle, leftAfter: order.length - 1 };
}

/** Tips not yet posted in the current cycle (all of them once it restarts). */
export function tipsLeftInCycle(tipIds: readonly string[], state: RotationState): number {
  const left = tipIds.filter((id) => !state.seen.has(id)).length;
  return left === 0 ? tipIds.length : left;
}
