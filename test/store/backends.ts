import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { testLogger } from '../helpers/log-sink.js';

/** Chosen once per run by test/setup/test-database.ts: TEST_DATABASE_URL, a running server, or an embedded one. */
export const PG_URL = inject('testDatabaseUrl');

/** A database location the store can open: a temp SQLite folder or a private PostgreSQL schema. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  databaseUrl?: string;
  dataDir: string;
  open(): Promise<TipStore>;
  drop(): Promise<void>;
}

export async function sqliteDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-store-'));
  return {
    name: 'sqlite',
    dataDir,
    open: () => openStore({ dataDir, logger: testLogger() }),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A fresh schema per test database, reached through search_path, so parallel runs never collide. */
export async function postgresDatabase(): Promise<TestDatabase> {
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const databaseUrl = url.toString();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-pg-'));
  return {
    name: 'postgres',
    databaseUrl,
    dataDir,
    open: () => openStore({ databaseUrl, dataDir, logger: testLogger() }),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const BACKENDS = [
  { name: 'sqlite', create: sqliteDatabase },
  { name: 'postgres', create: postgresDatabase },
] as const;
