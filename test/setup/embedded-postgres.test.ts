import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { answers, probeAddress } from './test-database.js';

describe('the throwaway PostgreSQL of test/setup', () => {
  it('starts a real server (advisory locks block across sessions) and leaves nothing behind when stopped', async () => {
    const server = await startEmbeddedPostgres();
    const a = new pg.Client({ connectionString: server.url });
    const b = new pg.Client({ connectionString: server.url });
    try {
      expect(statSync(server.dir).isDirectory()).toBe(true);
      await a.connect();
      await b.connect();
      const version = await a.query<{ server_version_num: string }>('show server_version_num');
      expect(Number(version.rows[0]!.server_version_num)).toBeGreaterThanOrEqual(150_000);
      await a.query('select pg_advisory_lock(42)');
      const blocked = await b.query<{ got: boolean }>('select pg_try_advisory_lock(42) as got');
      expect(blocked.rows[0]!.got).toBe(false);
      await a.query('select pg_advisory_unlock(42)');
      const free = await b.query<{ got: boolean }>('select pg_try_advisory_lock(42) as got');
      expect(free.rows[0]!.got).toBe(true);
    } finally {
      await a.end().catch(() => undefined);
      await b.end().catch(() => undefined);
      await server.stop();
    }
    expect(existsSync(server.dir)).toBe(false);
    const { port } = new URL(server.url);
    expect(await answers('127.0.0.1', Number(port))).toBe(false);
  });

  it('probes the address TEST_DATABASE_PROBE names, 127.0.0.1:5432 by default', async () => {
    expect(probeAddress({})).toEqual({ host: '127.0.0.1', port: 5432 });
    expect(probeAddress({ TEST_DATABASE_PROBE: 'db.internal:6543' })).toEqual({ host: 'db.internal', port: 6543 });
    expect(() => probeAddress({ TEST_DATABASE_PROBE: 'nohost' })).toThrow(/host:port/);
    const listener = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => listener.once('listening', r));
    const { port } = listener.address() as { port: number };
    expect(await answers('127.0.0.1', port)).toBe(true);
    await new Promise((r) => listener.close(r));
    expect(await answers('127.0.0.1', port)).toBe(false);
  });
});
