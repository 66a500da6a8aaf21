import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from './schema.js';

type Db = Kysely<StoreSchema>;

/** One insert: true for the first process to claim the id, false for every later one. */
export async function claimEvent(db: Db, eventId: string, by: string, at: Date): Promise<boolean> {
  const row = await db
    .insertInto('slack_event_claims')
    .values({ event_id: eventId, claimed_at: at.getTime(), claimed_by: by })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets claims older than `before`; returns how many went. */
export async function sweepEventClaims(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('slack_event_claims')
    .where('claimed_at', '<', before.getTime())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The cheapest round trip, for readiness. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
