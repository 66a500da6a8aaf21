import type { Content, Tip } from '../core/content/types.js';
import { pickNextTip, tipsLeftInCycle, type TipPick } from '../core/tips/rotation.js';
import { channelKey, type ChannelRef } from '../core/tips/subscription.js';
import type { TipStore } from '../store/tip-store.js';

export interface NextTip {
  tip: Tip;
  pick: TipPick;
}

/** The tip a channel gets next, from its rotation in the ledger; null when the content has no tips. */
export async function nextTipFor(store: TipStore, content: Content, channel: ChannelRef): Promise<NextTip | null> {
  const state = await store.rotation(channel);
  const pick = pickNextTip(
    content.tips.map((t) => t.id),
    state,
    channelKey(channel),
  );
  const tip = pick && content.tips.find((t) => t.id === pick.tipId);
  return pick && tip ? { tip, pick } : null;
}

/** Tips the channel has not seen in its current rotation (all, once it restarts). */
export async function tipsLeftFor(store: TipStore, content: Content, channel: ChannelRef): Promise<number> {
  return tipsLeftInCycle(
    content.tips.map((t) => t.id),
    await store.rotation(channel),
  );
}
