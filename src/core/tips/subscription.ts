import type { WeeklySchedule } from './schedule.js';
import type { Slot } from './slots.js';

/** A platform's name as the store keys channels by it (`slack`, `discord`, ...): an open set. */
export type TipPlatform = string;

/** A channel on one platform: the unit that subscribes, rotates and is posted to. */
export interface ChannelRef {
  platform: TipPlatform;
  channelId: string;
  /**
   * The Slack team (Discord guild) the channel is in, when known. Not part of
   * the channel's identity: a subscription records it so tips go out with
   * that workspace's token and stop when the workspace uninstalls.
   */
  workspace?: string | null;
  /**
   * The org the workspace belongs to (a Slack Enterprise Grid org), when it
   * does: an org-wide install's token serves the channel, and an org-wide
   * uninstall pauses every channel recorded under the org.
   */
  organization?: string | null;
}

/** The channels an uninstall reaches: one workspace's, or every workspace's of one org. */
export type WorkspaceOrOrganization = { workspace: string } | { organization: string };

export const channelKey = (c: ChannelRef): string => `${c.platform}:${c.channelId}`;

/** One channel's weekly-tip settings, as the store keeps them. */
export interface Subscription extends ChannelRef {
  workspace: string | null;
  organization: string | null;
  schedule: WeeklySchedule;
  /** False after unsubscribe (kept so a re-subscription continues the rotation). */
  active: boolean;
  /** When the channel first subscribed. */
  subscribedAt: Date;
  /** Slots before this instant are never due: the (re)subscription or the resumption. */
  effectiveFrom: Date;
  updatedAt: Date;
  /** Who made the last change: a user id, `cli`, or `system` for automatic pauses. */
  updatedBy: string;
  paused: boolean;
  /** Why posting is paused; shown by status. */
  pausedReason: string | null;
  pausedAt: Date | null;
  /** The slot key an admin asked to skip. */
  skipSlot: string | null;
  /** The earliest slot not yet handled; runs start from here. */
  pending: Slot;
  /** Bumped on every schedule change, so a stale run cannot overwrite a newer schedule. */
  rev: number;
}

export type DeliveryStatus = 'claimed' | 'delivered' | 'failed' | 'skipped';

/** One row of the delivery ledger: (platform, channel, slot) is unique. */
export interface Delivery extends ChannelRef {
  id: number;
  slot: string;
  slotAt: Date;
  tipId: string | null;
  cycle: number;
  /** `claimed` with no later mark means the outcome is unknown (the poster crashed). */
  status: DeliveryStatus;
  attempts: number;
  claimedAt: Date;
  claimedBy: string;
  finishedAt: Date | null;
  messageId: string | null;
  error: string | null;
  permanent: boolean;
}

export type ClaimResult = { claimed: true; id: number; attempts: number } | { claimed: false; existing: Delivery };

/** Who changed something, and when: every change is attributed. */
export interface ChangeMeta {
  at: Date;
  by: string;
}
