import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

/** Slack retries an event up to three times over about five minutes; ids are kept a little longer. */
export const REMEMBER_EVENT_MS = 10 * 60_000;
/** Bounds memory under any event rate: the oldest ids go first. */
export const REMEMBER_EVENTS_MAX = 20_000;

/**
 * Drops a repeated delivery of an Events API event (same `event_id`) that
 * this process has already taken, so a DM or mention is never answered
 * twice when Slack retries: it does when an acknowledgement is lost or late,
 * and over Socket Mode when a connection drops before the ack. The events
 * are already acknowledged (Bolt acks events itself), so dropping loses
 * nothing. Each replica remembers only what it took; a retry that lands on
 * another replica is answered there.
 */
export function ignoreRepeatedEvents(o: { logger: Logger; now?: () => number }): Middleware<AnyMiddlewareArgs> {
  const now = o.now ?? Date.now;
  const seen = new Map<string, number>(); // event_id → when first taken, oldest first
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
    await next();
  };
}
