import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect, type LogEvent } from 'kysely';
import type Pg from 'pg';
import type { Logger } from '../core/logger.js';
import { createSqlContextStore } from './context-queries.js';
import * as deliveriesQ from './delivery-queries.js';
import { installationRecords } from './installation-queries.js';
import * as eventsQ from './event-claim-queries.js';
import * as leasesQ from './lease-queries.js';
import { migrate } from './migrate.js';
import { createLearnStore } from './learn-queries.js';
import type { Backend, StoreSchema } from './schema.js';
import * as subsQ from './subscription-queries.js';
import type { TipStore } from './tip-store.js';

export interface OpenStoreOptions {
  /** `postgres://...`: PostgreSQL, shared by replicas. Without it, SQLite under `dataDir`. */
  databaseUrl?: string;
  /** Folder of the SQLite file (created if missing); `:memory:` for a throwaway database. */
  dataDir: string;
  logger: Logger;
  /** Called after every query with its duration in seconds (the store latency metric). */
  onQuery?: (seconds: number, backend: Backend) => void;
}

export const SQLITE_FILE = 'career-bot.sqlite';

/**
 * PostgreSQL limits, so a database that stops answering fails a request (and
 * readiness) instead of hanging it: connecting, one statement on the server,
 * one query seen from the client (a little longer, so the server's own
 * timeout reports first), and how long an unused connection is kept.
 */
export const PG_TIMEOUTS = { connectMs: 5_000, statementMs: 15_000, queryMs: 20_000, idleMs: 30_000 } as const;
/** SQLite: how long a writer waits for another process's lock (CLI run-due beside the bot). */
export const SQLITE_BUSY_TIMEOUT_MS = 15_000;

const PG_INT8 = 20;

// Each driver is loaded when its backend is opened, not with this module: a
// SQLite bot never holds pg in memory, nor a PostgreSQL one better-sqlite3.
// Both are CommonJS, so a synchronous require keeps openDatabase synchronous.
const load = createRequire(import.meta.url);

/** Opens the store and brings its schema up to date before returning. */
export async function openStore(o: OpenStoreOptions): Promise<TipStore> {
  const logger = o.logger.child({ component: 'store' });
  const { db, backend } = openDatabase(o);
  try {
    const applied = await migrate(db, backend, logger);
    logger.info({ backend, applied }, 'store ready');
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return createTipStore(db, backend);
}

/** The raw connection, without migrations: for openStore and for tests of the migrator. */
export function openDatabase(o: OpenStoreOptions): { db: Kysely<StoreSchema>; backend: Backend } {
  const { dialect, backend } = o.databaseUrl ? openPostgres(o.databaseUrl, o.logger) : openSqlite(o.dataDir);
  const onQuery = o.onQuery;
  // Kysely's log hook sees every query with its duration, failed ones included.
  const log = onQuery ? (event: LogEvent) => onQuery(event.queryDurationMillis / 1000, backend) : undefined;
  return { db: new Kysely<StoreSchema>({ dialect, ...(log ? { log } : {}) }), backend };
}

function openSqlite(dataDir: string): { dialect: Dialect; backend: Backend } {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, SQLITE_FILE);
  }
  const Database = load('better-sqlite3') as typeof BetterSqlite3;
  const sqlite = new Database(file);
  // WAL lets readers run beside the one writer; busy_timeout makes a second
  // process (CLI run-due beside the bot) wait for the lock instead of failing;
  // synchronous=FULL because a claim lost to a power cut would mean a duplicate.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('synchronous = FULL');
  return { dialect: new SqliteDialect({ database: sqlite }), backend: 'sqlite' };
}

function openPostgres(connectionString: string, logger: Logger): { dialect: Dialect; backend: Backend } {
  const pg = load('pg') as typeof Pg;
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: PG_TIMEOUTS.connectMs,
    idleTimeoutMillis: PG_TIMEOUTS.idleMs,
    statement_timeout: PG_TIMEOUTS.statementMs,
    query_timeout: PG_TIMEOUTS.queryMs,
    keepAlive: true,
    // Epoch-ms columns are bigint; they fit a JS number, so read them as one.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === PG_INT8
          ? Number
          : (pg.types.getTypeParser(oid, format as 'text') as (
              value: string,
            ) => unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', (err) => logger.warn({ err }, 'postgres idle client error'));
  return { dialect: new PostgresDialect({ pool }), backend: 'postgres' };
}

export function createTipStore(db: Kysely<StoreSchema>, backend: Backend): TipStore {
  let closing: Promise<void> | undefined;
  return {
    backend,
    learning: createLearnStore(db),
    subscribe: (c, schedule, meta) => subsQ.subscribe(db, c, schedule, meta),
    unsubscribe: (c, meta) => subsQ.unsubscribe(db, c, meta),
    getSubscription: (c) => subsQ.getSubscription(db, c),
    listSubscriptions: (filter) => subsQ.listSubscriptions(db, filter),
    setPaused: (c, paused, meta) =>
      paused ? subsQ.pause(db, c, meta.reason ?? null, meta) : subsQ.resume(db, c, meta),
    pauseWithReason: async (c, reason, meta) => void (await subsQ.pause(db, c, reason, meta)),
    pauseWorkspace: (platform, where, reason, meta) => subsQ.pauseWorkspace(db, platform, where, reason, meta),
    installations: installationRecords(db),
    skipSlot: (c, key, meta) => subsQ.skipSlot(db, c, key, meta),
    dueSubscriptions: (now) => subsQ.dueSubscriptions(db, now),
    advance: (c, rev, next, clearSkip) => subsQ.advance(db, c, rev, next, clearSkip),
    claimDelivery: (req) => deliveriesQ.claimDelivery(db, req),
    recordSkip: (c, slot, meta) => deliveriesQ.recordSkip(db, c, slot, meta),
    markDelivered: (id, o) => deliveriesQ.markDelivered(db, id, o),
    markFailed: (id, o) => deliveriesQ.markFailed(db, id, o),
    releaseClaim: (id, o) => deliveriesQ.releaseClaim(db, id, o),
    markUnknown: (id, o) => deliveriesQ.markUnknown(db, id, o),
    getDelivery: (c, key) => deliveriesQ.getDelivery(db, c, key),
    deliveries: (c, o) => deliveriesQ.deliveries(db, c, o?.limit),
    rotation: (c) => deliveriesQ.rotation(db, c),
    tryLease: (name, holder, ttlMs, now) => leasesQ.tryLease(db, name, holder, ttlMs, now),
    releaseLease: (name, holder) => leasesQ.releaseLease(db, name, holder),
    claimEvent: (id, by, at) => eventsQ.claimEvent(db, id, by, at),
    sweepEventClaims: (before) => eventsQ.sweepEventClaims(db, before),
    ping: () => eventsQ.ping(db),
    contexts: (ttlMs) => createSqlContextStore(db, ttlMs),
    close: () => (closing ??= db.destroy()),
  };
}
