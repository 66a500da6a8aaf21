import { createHash } from 'node:crypto';
import type { Logger } from '../../core/logger.js';
import { REMEMBER_EVENT_MS, sweepNowAndThen, type SharedEventClaims } from './repeat-deliveries.js';

/** Slack's signing rule: a request's timestamp within five minutes of now, either way. */
export const MAX_SKEW_S = 5 * 60;
/** Keys this process remembers at most (two per request); the oldest go first, the store still holds them. */
export const REMEMBER_REQUESTS_MAX = 100_000;

/**
 * Bolt refuses a stale timestamp but not one in the future, so a request
 * signed for a date years ahead could be replayed for years. Refused like a
 * stale one; null when the header is acceptable (Bolt checks the rest).
 */
export function futureTimestamp(header: string | string[] | undefined, nowMs: number): string | null {
  const ts = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(ts)) return null;
  return ts > Math.floor(nowMs / 1000) + MAX_SKEW_S
    ? `x-slack-request-timestamp ${ts} is more than ${MAX_SKEW_S / 60} minutes in the future`
    : null;
}

/**
 * What identifies a signed command or button press: its signature (which
 * covers timestamp and body) and Slack's trigger_id. Events API callbacks
 * have none: their event_id already makes them answered once
 * (repeat-deliveries.ts), and a retried event must reach that check.
 */
export function replayKeys(signature: string | string[] | undefined, body: Record<string, unknown>): string[] {
  if (typeof body.command !== 'string' && body.type !== 'block_actions') return [];
  const keys: string[] = [];
  const sig = Array.isArray(signature) ? signature[0] : signature;
  if (sig) keys.push(`sig:${digest(sig)}`);
  const trigger = body.trigger_id;
  if (typeof trigger === 'string' && trigger !== '') keys.push(`trigger:${digest(trigger)}`);
  return keys;
}

/**
 * A short fresh string for a key. The header and body strings these come
 * from may be slices of larger strings, which a remembered slice keeps
 * alive (hashed, a 3-minute run at 400/s peaked ~30 MB lower).
 */
function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 24);
}

export interface ReplayGuard {
  /** Synchronous, before the ack: false when this process has seen any of the keys. Remembers them. */
  firstHere(keys: string[]): boolean;
  /**
   * After the ack, before acting: false when another replica claimed any key
   * first (always true without a shared store).
   */
  firstAnywhere(keys: string[]): Promise<boolean>;
}

/**
 * Refuses a signed request seen before: an attacker who captured one (a
 * `/career`, a "Share in channel") could otherwise replay it for five minutes
 * and have it acted on each time. A replay is still acknowledged, so it tells
 * nothing; it is just not acted on. Keys are remembered here for as long as a
 * timestamp stays acceptable and, with `shared`, claimed in the store every
 * replica uses (the event-claim table, under `sig:` and `trigger:` prefixes).
 * A store that fails to answer lets the request through, logged.
 */
export function createReplayGuard(o: { logger: Logger; shared?: SharedEventClaims; now?: () => number }): ReplayGuard {
  const now = o.now ?? Date.now;
  const seen = new Map<string, number>(); // key → when seen, oldest first
  const sweep = o.shared ? sweepNowAndThen(o.shared, o.logger) : () => {};
  return {
    firstHere(keys) {
      const at = now();
      for (const [old, when] of seen) {
        if (at - when < REMEMBER_EVENT_MS && seen.size < REMEMBER_REQUESTS_MAX) break;
        seen.delete(old);
      }
      if (keys.length === 0) return true;
      const repeated = keys.some((k) => seen.has(k));
      for (const k of keys) if (!seen.has(k)) seen.set(k, at);
      if (repeated)
        o.logger.warn(
          { keys: keys.map((k) => k.split(':')[0]) },
          'slack: a signed request seen before was replayed; acknowledged, not acted on',
        );
      return !repeated;
    },
    async firstAnywhere(keys) {
      if (!o.shared || keys.length === 0) return true;
      const at = now();
      sweep(at);
      try {
        const claims = await Promise.all(keys.map((k) => o.shared!.claim(k, new Date(at))));
        if (claims.every(Boolean)) return true;
        o.logger.warn({}, 'slack: a signed request already taken by another replica was replayed; not acted on');
        return false;
      } catch (err) {
        o.logger.warn({ err }, 'slack: could not claim the request in the store; acting on it anyway');
        return true;
      }
    },
  };
}
