import type { Kysely } from 'kysely';
import type { ContextStore } from '../core/conversation/context-store.js';
import { DEFAULT_CONTEXT_TTL_MS } from '../core/conversation/context-store.js';
import { slotsFromJson, slotsToJson } from '../core/conversation/slots-json.js';
import type { StoreSchema } from './schema.js';

/** Lapsed rows are swept after this many saves: the sweep rides on writes, no timer to stop. */
const SAVES_PER_PURGE = 500;

/**
 * Conversation contexts in the bot's database, so replicas sharing
 * PostgreSQL continue each other's conversations. A read checks the expiry
 * itself; purging only reclaims space.
 */
export function createSqlContextStore(db: Kysely<StoreSchema>, ttlMs = DEFAULT_CONTEXT_TTL_MS): ContextStore {
  let saves = 0;
  const purge = async (now: Date): Promise<number> => {
    const r = await db.deleteFrom('conversation_contexts').where('expires_at', '<=', now.getTime()).executeTakeFirst();
    return Number(r.numDeletedRows);
  };
  return {
    async load(id, now) {
      const row = await db
        .selectFrom('conversation_contexts')
        .select('slots')
        .where('id', '=', id)
        .where('expires_at', '>', now.getTime())
        .executeTakeFirst();
      return row ? slotsFromJson(row.slots) : null;
    },
    async save(id, slots, now) {
      const values = { id, slots: slotsToJson(slots), expires_at: now.getTime() + ttlMs };
      await db
        .insertInto('conversation_contexts')
        .values(values)
        .onConflict((oc) => oc.column('id').doUpdateSet({ slots: values.slots, expires_at: values.expires_at }))
        .execute();
      saves += 1;
      if (saves % SAVES_PER_PURGE === 0) await purge(now);
    },
    purge,
  };
}
