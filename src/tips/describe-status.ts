import type { Content } from '../core/content/types.js';
import { formatInZone } from '../core/tips/format-time.js';
import { isUnknownClaim, POSTING_FAILED } from '../core/tips/ledger-rules.js';
import { describeSchedule, scheduleProblem, type WeeklySchedule } from '../core/tips/schedule.js';
import type { Slot } from '../core/tips/slots.js';
import type { ChannelRef, DeliveryStatus, Subscription } from '../core/tips/subscription.js';
import type { TipStore } from '../store/tip-store.js';
import { nextPostSlot } from './next-post.js';
import { tipsLeftFor } from './next-tip.js';

/** One channel's weekly-tips state, for the tips status command and `career-bot tips status --json`. */
export interface TipStatus extends ChannelRef {
  /** The Slack team / Discord guild whose token posts here; null when not recorded. */
  workspace: string | null;
  /** The workspace's Slack Enterprise Grid org, whose org-wide install may post here; null when none. */
  organization: string | null;
  subscribed: boolean;
  schedule: WeeklySchedule | null;
  /** `every Monday at 09:00 (Europe/Berlin)` */
  scheduleText: string | null;
  paused: boolean;
  pausedReason: string | null;
  /** ISO instant of the next post, null when none is coming (paused, unsubscribed). */
  nextPostAt: string | null;
  /** The same in the channel's zone: `Mon 10 Mar 2025, 09:00 CET`. */
  nextPostLocal: string | null;
  /** The next post's time has come (caught up by the next run). */
  dueNow: boolean;
  /** The week an admin skipped, as `YYYY-Www`. */
  skipping: string | null;
  tipsLeftInRotation: number;
  lastDelivery: {
    slot: string;
    status: DeliveryStatus | 'unknown';
    tipId: string | null;
    at: string;
    error: string | null;
  } | null;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Why the schedule cannot be used (a stored zone this runtime does not know), else null. */
  problem: string | null;
}

/** Never throws for a row with an unusable schedule: it reports the problem instead of the next post. */
export async function describeStatus(
  store: TipStore,
  content: Content,
  channel: ChannelRef,
  now: Date,
  sub?: Subscription,
): Promise<TipStatus> {
  const s = sub ?? (await store.getSubscription(channel));
  const subscribed = Boolean(s?.active);
  let problem = s && subscribed ? scheduleProblem(s.schedule) : null;
  let next: Slot | null = null;
  let nextLocal: string | null = null;
  if (s && subscribed && !problem) {
    try {
      next = await nextPostSlot(store, s, now);
      nextLocal = next ? formatInZone(next.at, s.schedule.timeZone) : null;
    } catch (err) {
      problem = `cannot work out the next post: ${(err as Error).message}`;
      next = null;
    }
  }
  const [last] = await store.deliveries(channel, { limit: 1 });
  const tipsLeft = await tipsLeftFor(store, content, channel);
  return {
    platform: channel.platform,
    channelId: channel.channelId,
    workspace: s?.workspace ?? channel.workspace ?? null,
    organization: s?.organization ?? channel.organization ?? null,
    subscribed,
    schedule: subscribed && s ? s.schedule : null,
    scheduleText: subscribed && s ? describeSchedule(s.schedule) : null,
    paused: subscribed && Boolean(s?.paused),
    pausedReason: subscribed ? (s?.pausedReason ?? null) : null,
    nextPostAt: next ? new Date(next.at).toISOString() : null,
    nextPostLocal: nextLocal,
    dueNow: next !== null && next.at <= now.getTime(),
    skipping: subscribed && s?.skipSlot && s.skipSlot >= s.pending.key ? s.skipSlot : null,
    tipsLeftInRotation: tipsLeft,
    lastDelivery: last
      ? {
          slot: last.slot,
          // A claim recorded as unknown (finishedAt set), or still open long
          // after it was made: nobody knows if it posted.
          status: isUnknownClaim(last, now) ? 'unknown' : last.status,
          tipId: last.tipId,
          at: (last.finishedAt ?? last.claimedAt).toISOString(),
          error: last.error,
        }
      : null,
    updatedBy: s?.updatedBy ?? null,
    updatedAt: s?.updatedAt.toISOString() ?? null,
    problem,
  };
}

/** Plain-text lines for the CLI and the chat reply. */
export function statusLines(st: TipStatus, resume: string): string[] {
  const org = st.organization ? `, org ${st.organization}` : '';
  const where = `${st.platform} channel ${st.channelId}${st.workspace ? ` (workspace ${st.workspace}${org})` : ''}`;
  if (!st.subscribed) return [`${where}: not subscribed to weekly tips.`];
  const lines = [`${where}: weekly tips ${st.scheduleText}.`];
  if (st.problem) lines.push(`Cannot post: invalid schedule: ${st.problem}. Subscribe again with a valid schedule.`);
  else if (st.paused) lines.push(pausedLine(st.pausedReason, resume));
  else if (st.nextPostLocal) lines.push(`Next tip: ${nextTipText(st)}.`);
  if (st.skipping && !st.paused) lines.push(`Skipping the week ${st.skipping}.`);
  lines.push(`Tips left before the rotation restarts: ${st.tipsLeftInRotation}.`);
  if (st.lastDelivery) {
    const d = st.lastDelivery;
    lines.push(`Last: week ${d.slot}, ${d.status}${d.error ? ` (${d.error})` : ''}.`);
  }
  return lines;
}

/** System pauses carry the platform's error; say how to get going again (`resume`: the platform's resume command). */
export function pausedLine(reason: string | null, resume: string): string {
  if (!reason) return `Paused. An admin can run ${resume}.`;
  if (reason.startsWith(POSTING_FAILED))
    return `Paused: ${reason}. Fix the bot's access to the channel, then run ${resume}.`;
  return `Paused (${reason}). An admin can run ${resume}.`;
}

/** `Mon 10 Mar 2025, 09:00 CET`, or that it is due now when its time has passed unposted. */
export function nextTipText(st: TipStatus): string {
  return st.dueNow ? `due now (scheduled ${st.nextPostLocal})` : (st.nextPostLocal ?? '');
}
