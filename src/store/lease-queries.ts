import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.js';

type Db = Kysely<StoreSchema>;

/** One upsert: take the lease if it is free, expired, or already ours. */
export async function tryLease(db: Db, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('career_bot_leases')
    .values({ name, holder, expires_at: now.getTime() + ttlMs })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
        .where((eb) =>
          eb.or([eb('career_bot_leases.expires_at', '<=', now.getTime()), eb('career_bot_leases.holder', '=', holder)]),
        ),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom('career_bot_leases').where('name', '=', name).where('holder', '=', holder).execute();
}
