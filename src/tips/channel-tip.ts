import type { Content, Tip } from '../core/content/types.js';
import { slotAtOrBefore } from '../core/tips/slots.js';
import type { ChannelRef } from '../core/tips/subscription.js';
import type { TipStore } from '../store/tip-store.js';
import { nextTipFor } from './next-tip.js';

/**
 * The tip of the week in a subscribed channel, the one rule behind "send me
 * a tip", the preview and the weekly post: the tip posted (or being posted)
 * for this week's slot, else the next in the channel's rotation, which is the
 * one the next post will carry. Null when the channel is not subscribed.
 */
export async function channelTipOfTheWeek(store: TipStore, content: Content, channel: ChannelRef, now: Date): Promise<Tip | null> {
  const sub = await store.getSubscription(channel);
  if (!sub?.active) return null;
  const thisWeek = await store.getDelivery(channel, slotAtOrBefore(sub.schedule, now.getTime()).key);
  const posted = thisWeek && (thisWeek.status === 'delivered' || thisWeek.status === 'claimed') ? content.tips.find((t) => t.id === thisWeek.tipId) : undefined;
  return posted ?? (await nextTipFor(store, content, channel))?.tip ?? null;
}
