import type { EventClaims } from '../platform.js';
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

/** Slack retries an event up to three times over about five minutes; ids are kept a little longer. */
export const REMEMBER_EVENT_MS = 10 * 60_000;
/** Bounds memory under any event rate: the oldest ids go first. */
export const REMEMBER_EVENTS_MAX = 20_000;
/** How often, at most, this process deletes expired shared claims (on the way of an event; no timer to stop). */
export const SWEEP_EVERY_MS = 60_000;

/** The store's shared claims, as the seam hands them to every platform. */
export type SharedEventClaims = EventClaims;

/**
 * Drops a repeated delivery of an Events API event (same `event_id`) that
 * has already been taken, so a DM or mention is never answered twice when
 * Slack retries: it does when an acknowledgement is lost or late, and over
 * Socket Mode when a connection drops before the ack. The events are already
 * acknowledged (Bolt acks events itself), so dropping loses nothing.
 *
 * This process remembers what it took (no round trip for its own repeats);
 * with `shared`, the id is also claimed in the store before answering, so a
 * retry that lands on another replica is dropped there. A store that fails
 * to answer does not silence the bot: the event is answered (perhaps twice)
 * and the failure logged.
 */
export function ignoreRepeatedEvents(o: {
  logger: Logger;
  now?: () => number;
  shared?: SharedEventClaims;
}): Middleware<AnyMiddlewareArgs> {
  const now = o.now ?? Date.now;
  const seen = new Map<string, number>(); // event_id → when first taken, oldest first
  const sweep = o.shared ? sweepNowAndThen(o.shared, o.logger) : () => {};
  return async ({ body, next }) => {
    const envelope = body as { type?: unknown; event_id?: unknown };
    const id = envelope.type === 'event_callback' ? envelope.event_id : undefined;
    if (typeof id !== 'string') return next();
    const at = now();
    for (const [old, when] of seen) {
      if (at - when < REMEMBER_EVENT_MS && seen.size < REMEMBER_EVENTS_MAX) break;
      seen.delete(old);
    }
    if (seen.has(id)) {
      o.logger.info({ eventId: id }, 'slack: repeated delivery of an event ignored');
      return;
    }
    seen.set(id, at);
    if (o.shared) {
      sweep(at);
      let first = true;
      try {
        first = await o.shared.claim(id, new Date(at));
      } catch (err) {
        o.logger.warn({ err, eventId: id }, 'slack: could not claim the event in the store; answering it anyway');
      }
      if (!first) {
        o.logger.info({ eventId: id }, 'slack: event already taken by another replica; ignored');
        return;
      }
    }
    await next();
  };
}

/**
 * Deletes shared claims older than REMEMBER_EVENT_MS at most once every
 * SWEEP_EVERY_MS, on the way of a request (no timer to stop).
 */
export function sweepNowAndThen(shared: SharedEventClaims, logger: Logger): (at: number) => void {
  let lastSweep = 0;
  return (at) => {
    if (at - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = at;
    shared
      .sweep(new Date(at - REMEMBER_EVENT_MS))
      .catch((err: unknown) => logger.warn({ err }, 'slack: could not sweep old event claims'));
  };
}
