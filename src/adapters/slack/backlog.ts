/** Most requests acknowledged and not yet answered; at ~1,000 answers a second, about a second behind. */
export const BACKLOG_MAX_REQUESTS = 1_000;
/** Most request-body bytes those may hold (a command is ~0.5 KB; a big button payload tens of KB). */
export const BACKLOG_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Longest the oldest request may have waited for its answer before new ones
 * are told busy: the count bound alone sets no time when the machine is slow
 * or shared (1,000 at 100 answers a second is 10 s behind).
 */
export const BACKLOG_MAX_AGE_MS = 2_000;

export interface BacklogLimits {
  maxRequests: number;
  maxBytes: number;
  maxAgeMs?: number;
}

/**
 * The bound on acknowledged-but-unanswered work in Slack's HTTP mode. The
 * receiver acknowledges first and answers later, so without a bound a burst
 * is acknowledged at the network's speed and answered at the core's: the
 * queue between them (each entry a parsed payload and its closures) grows
 * with the burst, and the answers fall ever further behind. With a bound, a
 * request that would exceed it is told "busy" at once instead, and the
 * queue's depth caps both memory and how late an answer can be.
 */
export class Backlog {
  private requests = 0;
  private bytes = 0;
  private readonly waiting: (() => void)[] = [];
  /** When each request still in the backlog entered it, oldest first (a Map keeps insertion order). */
  private readonly entered = new Map<object, number>();

  constructor(
    private readonly limits: BacklogLimits = {
      maxRequests: BACKLOG_MAX_REQUESTS,
      maxBytes: BACKLOG_MAX_BYTES,
      maxAgeMs: BACKLOG_MAX_AGE_MS,
    },
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Takes a place for a request of `bytes`; null when full. An empty backlog
   * always takes one, so a lone request larger than maxBytes is still served.
   * The returned function gives the place back (once).
   */
  enter(bytes: number): (() => void) | null {
    const at = this.now();
    const oldest = this.entered.values().next().value;
    const full =
      this.requests >= this.limits.maxRequests ||
      (this.requests > 0 && this.bytes + bytes > this.limits.maxBytes) ||
      (oldest !== undefined && this.limits.maxAgeMs !== undefined && at - oldest > this.limits.maxAgeMs);
    if (full) return null;
    this.requests += 1;
    this.bytes += bytes;
    const place = {};
    this.entered.set(place, at);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.entered.delete(place);
      this.requests -= 1;
      this.bytes -= bytes;
      if (this.requests === 0) for (const wake of this.waiting.splice(0)) wake();
    };
  }

  get size(): { requests: number; bytes: number; oldestMs: number } {
    const oldest = this.entered.values().next().value;
    return { requests: this.requests, bytes: this.bytes, oldestMs: oldest === undefined ? 0 : this.now() - oldest };
  }

  /** Resolves when nothing is left in the backlog. */
  drained(): Promise<void> {
    return this.requests === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}
