import type { Content, Tip } from '../core/content/types.js';
import { slotAtOrBefore } from '../core/tips/slots.js';
import type { ChannelRef } from '../core/tips/subscription.js';
import type { TipStore } from '../store/tip-store.js';
import { nextTipFor } from './next-tip.js';

/**
 * The tip of the week in a subscribed channel, so "send me a tip" there
 * agrees with the weekly post and the preview: the tip posted (or being
 * posted) for the latest slot that has come, so a channel's week runs from
 * post to post; before any post, the next in the channel's rotation, which
 * the preview shows and the next post carries. Null when not subscribed.
 */
export async function channelTipOfTheWeek(
  store: TipStore,
  content: Content,
  channel: ChannelRef,
  now: Date,
): Promise<Tip | null> {
  const sub = await store.getSubscription(channel);
  if (!sub?.active) return null;
  const thisWeek = await store.getDelivery(channel, slotAtOrBefore(sub.schedule, now.getTime()).key);
  const posted =
    thisWeek && (thisWeek.status === 'delivered' || thisWeek.status === 'claimed')
      ? content.tips.find((t) => t.id === thisWeek.tipId)
      : undefined;
  return posted ?? (await nextTipFor(store, content, channel))?.tip ?? null;
}
