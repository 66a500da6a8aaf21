import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/oauth';
import { describe, expect, it } from 'vitest';
import { createSealedInstallationStore } from '../../src/adapters/slack/oauth/installation-store.js';
import { createInstallationCipher } from '../../src/store/installation-cipher.js';
import type { InstallationRecord, InstallationRecords } from '../../src/store/installation-queries.js';
import { registerSecret } from '../helpers/log-sink.js';

const KEY = randomBytes(32).toString('base64');
registerSecret(KEY);

/** The installations table as a map, counting the reads the cache is meant to spare. */
function countingRecords(): InstallationRecords & { reads: string[]; rows: Map<string, InstallationRecord> } {
  const rows = new Map<string, InstallationRecord>();
  const reads: string[] = [];
  return {
    rows,
    reads,
    put: async (r) => void rows.set(r.key, r),
    get: async (key) => {
      reads.push(key);
      return rows.get(key);
    },
    latest: async () => [...rows.values()].sort((a, b) => b.installedAt.getTime() - a.installedAt.getTime())[0],
    remove: async (key) => rows.delete(key),
    count: async () => rows.size,
    consumeState: async () => true,
  };
}

const workspace = (team: string): Installation<'v2', false> => ({
  team: { id: team, name: team },
  enterprise: undefined,
  user: { id: 'U1', token: undefined, scopes: undefined },
  bot: { id: 'B1', userId: 'UB1', token: `xoxb-cache-${team}-secret`, scopes: ['chat:write'] },
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

function setup(o: { cacheMax?: number; cacheTtlMs?: number; missTtlMs?: number } = {}) {
  let at = 1_000_000;
  const records = countingRecords();
  const store = createSealedInstallationStore({
    records,
    cipher: createInstallationCipher(KEY),
    now: () => at,
    ...o,
  });
  return {
    records,
    store,
    advance: (ms: number) => (at += ms),
    /** The keys read from the table by these lookups. */
    readsFor: async (...teams: string[]) => {
      records.reads.length = 0;
      for (const team of teams) await store.find({ teamId: team });
      return [...records.reads];
    },
  };
}

describe('the installation cache (authorize reads)', () => {
  it('keeps at most cacheMax installations, dropping the least recently used', async () => {
    const { store, readsFor } = setup({ cacheMax: 3 });
    for (const team of ['T1', 'T2', 'T3']) await store.storeInstallation(workspace(team));
    expect(await readsFor('T1', 'T2', 'T3')).toEqual(['T:T1', 'T:T2', 'T:T3']);
    // All three cached; T1 used last, so T2 is the least recently used when T4 comes in.
    expect(await readsFor('T1', 'T2', 'T3', 'T1')).toEqual([]);
    await store.storeInstallation(workspace('T4'));
    expect(await readsFor('T4')).toEqual(['T:T4']);
    expect(await readsFor('T2')).toEqual(['T:T2']);
    expect(await readsFor('T1', 'T4')).toEqual([]);
  });

  it('re-reads a cached installation after the TTL, so another replica\u2019s uninstall is seen', async () => {
    const { store, records, readsFor, advance } = setup({ cacheTtlMs: 60_000 });
    await store.storeInstallation(workspace('T1'));
    expect(await readsFor('T1', 'T1')).toEqual(['T:T1']);
    records.rows.delete('T:T1'); // another replica took the uninstall
    advance(59_000);
    expect((await store.find({ teamId: 'T1' }))?.bot?.token).toBe('xoxb-cache-T1-secret');
    advance(2_000);
    expect(await store.find({ teamId: 'T1' })).toBeUndefined();
  });

  it('remembers "not installed" for seconds only, so an install through another replica is answered soon', async () => {
    const { store, records, readsFor, advance } = setup({ missTtlMs: 5_000 });
    expect(await readsFor('T9', 'T9', 'T9')).toEqual(['T:T9']);
    // Installed through another replica: the row appears, this cache still says no for a moment.
    const other = setup();
    await other.store.storeInstallation(workspace('T9'));
    records.rows.set('T:T9', other.records.rows.get('T:T9')!);
    advance(4_000);
    expect(await store.find({ teamId: 'T9' })).toBeUndefined();
    advance(2_000);
    expect((await store.find({ teamId: 'T9' }))?.bot?.token).toBe('xoxb-cache-T9-secret');
  });

  it('forgets an uninstalled workspace at once on this replica', async () => {
    const { store, readsFor } = setup();
    await store.storeInstallation(workspace('T1'));
    expect(await readsFor('T1')).toEqual(['T:T1']);
    expect(await store.remove({ teamId: 'T1' })).toBe(true);
    expect(await store.find({ teamId: 'T1' })).toBeUndefined();
  });

  it('checks the key against the latest stored installation, naming the variable and never the key', async () => {
    const { store, records } = setup();
    const empty = createSealedInstallationStore({ records, cipher: createInstallationCipher(KEY) });
    await expect(empty.checkKey()).resolves.toBeUndefined();
    await store.storeInstallation(workspace('T1'));
    await expect(store.checkKey()).resolves.toBeUndefined();
    const otherKey = randomBytes(32).toString('base64');
    registerSecret(otherKey);
    const wrong = createSealedInstallationStore({ records, cipher: createInstallationCipher(otherKey) });
    const refusal = await wrong.checkKey().then(
      () => undefined,
      (err: Error) => err.message,
    );
    expect(refusal).toMatch(/^TOKEN_ENCRYPTION_KEY does not open the Slack installations already stored \(T:T1/);
    expect(refusal).not.toContain(otherKey);
    expect(refusal).not.toContain(KEY);
  });
});
