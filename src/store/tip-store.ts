import type { RotationState } from '../core/tips/rotation.js';
import type { WeeklySchedule } from '../core/tips/schedule.js';
import type { Slot } from '../core/tips/slots.js';
import type {
  ChangeMeta,
  ChannelRef,
  ClaimResult,
  Delivery,
  Subscription,
  TipPlatform,
  WorkspaceOrOrganization,
} from '../core/tips/subscription.js';
import type { InstallationRecords } from './installation-queries.js';
import type { ContextStore } from '../core/conversation/context-store.js';
import type { Backend } from './schema.js';
import type { LearnStore } from './learn-store.js';

// The ledger's rules live with the tips domain; re-exported for the store's SQL and its callers.
export { isRetryable, MAX_ATTEMPTS, RETRY_BASE_MS, retryDelayMs } from '../core/tips/ledger-rules.js';

export interface ClaimRequest extends ChannelRef {
  slot: Slot;
  tipId: string;
  cycle: number;
  at: Date;
  /** The claiming process, for the ledger (`host:pid`). */
  by: string;
}

/**
 * The weekly-tips state in domain verbs. The delivery ledger's uniqueness on
 * (platform, channel, slot) is what makes posting exactly-once: a slot is
 * claimed before it is posted and marked after.
 */
export interface TipStore {
  readonly backend: Backend;
  /** Answer counts, the unanswered-question log and feedback votes. */
  readonly learning: LearnStore;

  /**
   * Subscribes, or changes the schedule of, a channel. Slots before `meta.at`
   * are never due. Unpauses and clears a skip.
   */
  subscribe(channel: ChannelRef, schedule: WeeklySchedule, meta: ChangeMeta): Promise<Subscription>;
  /**
   * False when the channel was not subscribed. The row stays (inactive) so a
   * re-subscription continues the rotation.
   */
  unsubscribe(channel: ChannelRef, meta: ChangeMeta): Promise<boolean>;
  getSubscription(channel: ChannelRef): Promise<Subscription | undefined>;
  listSubscriptions(filter?: { platform?: TipPlatform; includeInactive?: boolean }): Promise<Subscription[]>;
  /**
   * Pauses or resumes an active subscription (undefined when there is none).
   * Resuming starts afresh from `meta.at`: slots that passed while paused are
   * not posted late, and a pending skip is cleared.
   */
  setPaused(
    channel: ChannelRef,
    paused: boolean,
    meta: ChangeMeta & { reason?: string },
  ): Promise<Subscription | undefined>;
  /** Pauses after a permanent posting failure, keeping the reason for status. */
  pauseWithReason(channel: ChannelRef, reason: string, meta: ChangeMeta): Promise<void>;
  /** Pauses every active, unpaused subscription of one workspace (or org) with `reason` (an uninstall); how many. */
  pauseWorkspace(
    platform: TipPlatform,
    where: WorkspaceOrOrganization,
    reason: string,
    meta: ChangeMeta,
  ): Promise<number>;
  /** Slack installations (OAuth mode), sealed by the caller. */
  readonly installations: InstallationRecords;
  /** Marks one slot (by key) to be skipped, or clears the skip with null. */
  skipSlot(channel: ChannelRef, slotKey: string | null, meta: ChangeMeta): Promise<Subscription | undefined>;

  /** Active, unpaused subscriptions whose pending slot has come. */
  dueSubscriptions(now: Date): Promise<Subscription[]>;
  /**
   * Moves the pending slot on after a slot is handled. Guarded by `rev` (a
   * newer schedule wins) and monotonic (never moves back); false when it did not apply.
   */
  advance(channel: ChannelRef, rev: number, next: Slot, clearSkip: boolean): Promise<boolean>;

  /**
   * Inserts the ledger row, or takes over a failed one that `isRetryable` at
   * `request.at` (its backoff passed); otherwise reports the row that holds the slot.
   */
  claimDelivery(request: ClaimRequest): Promise<ClaimResult>;
  /** Records an admin-skipped slot in the ledger; false when the slot already had a row. */
  recordSkip(channel: ChannelRef, slot: Slot, meta: ChangeMeta): Promise<boolean>;
  markDelivered(id: number, o: { at: Date; messageId?: string }): Promise<void>;
  markFailed(id: number, o: { at: Date; reason: string; permanent: boolean }): Promise<void>;
  /**
   * Gives a claim back without posting (the run stopped, the token was
   * refused): a retryable failure that used no attempt and has no backoff.
   */
  releaseClaim(id: number, o: { reason: string }): Promise<void>;
  /**
   * Records why a post's outcome is unknown (it may have gone out). The row
   * stays `claimed`, so it is never taken over and re-posted; `finishedAt`
   * set on a claimed row marks the outcome as decided unknown.
   */
  markUnknown(id: number, o: { at: Date; reason: string }): Promise<void>;
  getDelivery(channel: ChannelRef, slotKey: string): Promise<Delivery | undefined>;
  /** Most recent first. */
  deliveries(channel: ChannelRef, o?: { limit?: number }): Promise<Delivery[]>;
  /** The channel's place in its tip rotation, from the ledger. */
  rotation(channel: ChannelRef): Promise<RotationState>;

  /**
   * Takes or renews a named lease until `now + ttlMs`; false while another
   * holder's lease is live. Lets replicas take turns at the fan-out (so they
   * do not multiply the rate against a platform); exactly-once never rests on it.
   */
  tryLease(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;

  /**
   * Claims a Slack event id before it is answered: true for the first claim
   * of the id by any process sharing the store, false for every later one.
   */
  claimEvent(eventId: string, by: string, at: Date): Promise<boolean>;
  /** Forgets event claims made before `before`; returns how many. */
  sweepEventClaims(before: Date): Promise<number>;
  /** Resolves when the database answers a trivial query (readiness). */
  ping(): Promise<void>;

  /** Conversation contexts in the same database, lapsing after `ttlMs` of silence. */
  contexts(ttlMs?: number): ContextStore;

  /** Idempotent. */
  close(): Promise<void>;
}
