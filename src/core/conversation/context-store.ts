import type { ConversationSlots } from './slots.js';

/**
 * Where conversations' slots live between messages, by conversation id (see
 * `conversationId`). A context is gone once `ttlMs` has passed since its last
 * save: `load` never returns it after that, whether or not it was purged yet.
 */
export interface ContextStore {
  load(id: string, now: Date): Promise<ConversationSlots | null>;
  /** One small upsert: the slots and when they lapse. */
  save(id: string, slots: ConversationSlots, now: Date): Promise<void>;
  /** Drops lapsed contexts; returns how many. */
  purge(now: Date): Promise<number>;
}

/** 30 minutes of silence ends a conversation unless configured otherwise. */
export const DEFAULT_CONTEXT_TTL_MS = 30 * 60_000;
