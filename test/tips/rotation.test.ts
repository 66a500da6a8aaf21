import { describe, expect, it } from 'vitest';
import { pickNextTip, tipsLeftInCycle, type RotationState } from '../../src/core/tips/rotation.js';

const tips = Array.from({ length: 9 }, (_, i) => `tip-${i}`);

/** Walks a channel through `weeks` picks the way the ledger would record them. */
function walk(channel: string, weeks: number, ids = tips): { tipId: string; cycle: number }[] {
  const out: { tipId: string; cycle: number }[] = [];
  let state: RotationState = { cycle: 0, seen: new Set(), lastTipId: null };
  for (let w = 0; w < weeks; w++) {
    const pick = pickNextTip(ids, state, channel)!;
    out.push(pick);
    const seen = pick.cycle === state.cycle ? new Set([...state.seen, pick.tipId]) : new Set([pick.tipId]);
    state = { cycle: pick.cycle, seen, lastTipId: pick.tipId };
  }
  return out;
}

describe('tip rotation', () => {
  it('shows every tip once before any repeats, cycle after cycle, never the same tip twice in a row', () => {
    const picks = walk('slack:C1', 60);
    for (let start = 0; start + tips.length <= 54; start += tips.length) {
      expect(new Set(picks.slice(start, start + tips.length).map((p) => p.tipId)).size).toBe(tips.length);
    }
    for (let i = 1; i < picks.length; i++) expect(picks[i]!.tipId).not.toBe(picks[i - 1]!.tipId);
    expect(picks[59]!.cycle).toBe(6);
  });

  it('rotates channels independently', () => {
    const a = walk('slack:C1', 9).map((p) => p.tipId);
    const b = walk('discord:123', 9).map((p) => p.tipId);
    expect(a).not.toEqual(b);
    expect(new Set(b).size).toBe(9);
  });

  it('takes in a tip added mid-cycle and counts what is left', () => {
    const state: RotationState = { cycle: 2, seen: new Set(tips.slice(0, 8)), lastTipId: 'tip-7' };
    expect(tipsLeftInCycle([...tips, 'new'], state)).toBe(2);
    const pick = pickNextTip([...tips, 'new'], state, 'slack:C1')!;
    expect(['tip-8', 'new']).toContain(pick.tipId);
    expect(pick).toMatchObject({ cycle: 2, leftAfter: 1 });
    expect(tipsLeftInCycle(tips, { ...state, seen: new Set(tips) })).toBe(9);
  });

  it('has nothing to pick without tips', () => {
    expect(pickNextTip([], { cycle: 0, seen: new Set(), lastTipId: null }, 'x')).toBeNull();
  });
});
