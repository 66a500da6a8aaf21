import { sql, type Kysely } from 'kysely';
import type { Logger } from '../core/logger.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { Backend, StoreSchema } from './schema.js';

/** Any number the other bot processes sharing the database agree on. */
const PG_LOCK_KEY = 'career-bot:migrations';

/**
 * Applies pending migrations in one transaction that holds the database's
 * write lock: PostgreSQL's transaction-scoped advisory lock, SQLite's
 * `BEGIN IMMEDIATE`. A second process starting at the same moment waits,
 * then finds nothing left to do.
 */
export async function migrate(
  db: Kysely<StoreSchema>,
  backend: Backend,
  logger: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  if (backend === 'postgres') {
    return db.transaction().execute(async (trx) => {
      // Keyed by schema too, so databases split by search_path don't block each other.
      await sql`select pg_advisory_xact_lock(hashtext(${PG_LOCK_KEY} || current_schema()))`.execute(trx);
      return applyPending(trx, backend, logger, migrations);
    });
  }
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const applied = await applyPending(conn, backend, logger, migrations);
      await sql`commit`.execute(conn);
      return applied;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

async function applyPending(
  db: Kysely<StoreSchema>,
  backend: Backend,
  logger: Logger,
  migrations: readonly Migration[],
): Promise<number[]> {
  await db.schema
    .createTable('career_bot_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'bigint', (c) => c.notNull())
    .execute();
  const done = new Set(
    (await db.selectFrom('career_bot_migrations').select('version').execute()).map((r) => Number(r.version)),
  );
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const ahead = [...done].filter((v) => v > newest);
  if (ahead.length) {
    throw new Error(
      `the database schema is at version ${Math.max(...ahead)}, newer than this build knows (${newest}); ` +
        'run a newer career-bot',
    );
  }
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await m.up(db, backend);
    await db
      .insertInto('career_bot_migrations')
      .values({ version: m.version, name: m.name, applied_at: Date.now() })
      .execute();
    logger.info({ version: m.version, name: m.name, backend }, 'applied migration');
    applied.push(m.version);
  }
  return applied;
}
