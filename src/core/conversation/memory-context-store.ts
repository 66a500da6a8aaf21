import type { ContextStore } from './context-store.js';
import { DEFAULT_CONTEXT_TTL_MS } from './context-store.js';
import type { ConversationSlots } from './slots.js';

export interface MemoryContextStoreOptions {
  ttlMs?: number;
  /** Most contexts held; the least recently used goes first. */
  maxEntries?: number;
}

export interface MemoryContextStore extends ContextStore {
  /** Synchronous forms, for the batch reader's hot loop. */
  get(id: string, now: Date): ConversationSlots | null;
  set(id: string, slots: ConversationSlots, now: Date): void;
  readonly size: number;
}

/**
 * A bounded in-process store for tests, the console and `ask --conversation`:
 * a Map kept in recency order (re-inserted on use), so the oldest entry is
 * the first key and both lapse and eviction cost O(1).
 */
export function createMemoryContextStore(options: MemoryContextStoreOptions = {}): MemoryContextStore {
  const ttl = options.ttlMs ?? DEFAULT_CONTEXT_TTL_MS;
  const max = Math.max(1, options.maxEntries ?? 10_000);
  const entries = new Map<string, { slots: ConversationSlots; expires: number }>();

  const get = (id: string, now: Date): ConversationSlots | null => {
    const e = entries.get(id);
    if (!e) return null;
    if (e.expires <= now.getTime()) {
      entries.delete(id);
      return null;
    }
    return e.slots;
  };
  const set = (id: string, slots: ConversationSlots, now: Date): void => {
    entries.delete(id);
    entries.set(id, { slots, expires: now.getTime() + ttl });
    // Saves come in time order, so the first entries are the stalest.
    for (const [key, e] of entries) {
      if (entries.size <= max && e.expires > now.getTime()) break;
      entries.delete(key);
    }
  };
  const purge = (now: Date): number => {
    let n = 0;
    for (const [key, e] of entries) {
      if (e.expires > now.getTime()) break;
      entries.delete(key);
      n += 1;
    }
    return n;
  };
  return {
    get,
    set,
    load: (id, now) => Promise.resolve(get(id, now)),
    save: (id, slots, now) => Promise.resolve(set(id, slots, now)),
    purge: (now) => Promise.resolve(purge(now)),
    get size() {
      return entries.size;
    },
  };
}
