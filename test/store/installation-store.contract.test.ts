import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSealedInstallationStore } from '../../src/adapters/slack/oauth/installation-store.js';
import { UNINSTALLED_REASON } from '../../src/adapters/slack/oauth/on-uninstall.js';
import { createInstallationCipher } from '../../src/store/installation-cipher.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { registerSecret } from '../helpers/log-sink.js';
import { BACKENDS, type TestDatabase } from './backends.js';

const KEY = randomBytes(32).toString('base64');
registerSecret(KEY);
const team = (id: string, token: string) => {
  registerSecret(token);
  registerSecret(`xoxp-user-${id}`);
  return {
    team: { id, name: id },
    enterprise: undefined,
    user: { id: 'UI', token: `xoxp-user-${id}`, scopes: undefined },
    bot: { token, id: 'B1', userId: 'UB', scopes: ['chat:write'] },
    isEnterpriseInstall: false as const,
  };
};
const MON = { day: 'mon' as const, time: '09:00', timeZone: 'UTC' };

/** One contract for Slack installations and workspace subscriptions, on every backend. */
describe.each(BACKENDS)('installations on $name', ({ name, create }) => {
  let database: TestDatabase;
  let store: TipStore;
  const extra: TipStore[] = [];
  const sealed = (s: TipStore, key = KEY, cacheTtlMs?: number) =>
    createSealedInstallationStore({
      records: s.installations,
      cipher: createInstallationCipher(key),
      ...(cacheTtlMs !== undefined ? { cacheTtlMs } : {}),
    });

  beforeEach(async () => {
    database = await create();
    store = await database.open();
  });
  afterEach(async () => {
    await Promise.all([store, ...extra.splice(0)].map((s) => s.close()));
    await database.drop();
  });

  it('stores, finds, replaces and removes a workspace installation', async () => {
    const s = sealed(store);
    await s.storeInstallation(team('T1', 'xoxb-one'));
    expect((await s.find({ teamId: 'T1' }))?.bot?.token).toBe('xoxb-one');
    await s.storeInstallation(team('T1', 'xoxb-one-again'));
    expect(
      (await s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token,
    ).toBe('xoxb-one-again');
    expect(await store.installations.count()).toBe(1);
    expect(await s.remove({ teamId: 'T1' })).toBe(true);
    expect(await s.remove({ teamId: 'T1' })).toBe(false);
    expect(await s.find({ teamId: 'T1' })).toBeUndefined();
    await expect(
      s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/no installation for T:T1/);
  });

  it('serves the workspaces of an org-wide install by enterprise', async () => {
    const s = sealed(store);
    await s.storeInstallation({
      ...team('unused', 'xoxb-org'),
      team: undefined,
      enterprise: { id: 'E1', name: 'Org' },
      isEnterpriseInstall: true,
    });
    expect((await store.installations.get('E:E1'))?.teamId).toBeNull();
    expect((await s.find({ teamId: 'T9', enterpriseId: 'E1', isEnterpriseInstall: true }))?.bot?.token).toBe(
      'xoxb-org',
    );
    // A workspace in the org that has no install of its own falls back to the org's.
    expect((await s.find({ teamId: 'T9', enterpriseId: 'E1', isEnterpriseInstall: false }))?.bot?.token).toBe(
      'xoxb-org',
    );
    expect(await s.find({ teamId: 'T9', enterpriseId: 'E2', isEnterpriseInstall: false })).toBeUndefined();
  });

  it('keeps every token sealed: no token in the row, and another key cannot open it', async () => {
    await sealed(store).storeInstallation(team('T1', 'xoxb-very-secret'));
    const row = await store.installations.get('T:T1');
    expect(row!.sealed).not.toContain('xoxb');
    expect(row!.sealed).not.toContain('xoxp');
    await expect(sealed(store, randomBytes(32).toString('base64')).find({ teamId: 'T1' })).rejects.toThrow(
      /not the key it was sealed with/,
    );
    // A sealed value moved onto another workspace's row does not open there either.
    await store.installations.put({ ...row!, key: 'T:T2', teamId: 'T2' });
    await expect(sealed(store).find({ teamId: 'T2' })).rejects.toThrow(/could not be decrypted/);
  });

  it('shares installations between two processes on one database; an uninstall reaches the other after its cache TTL', async () => {
    const other = await database.open();
    extra.push(other);
    const here = sealed(store, KEY, 0);
    const there = sealed(other, KEY, 0);
    await here.storeInstallation(team('T1', 'xoxb-shared'));
    expect((await there.find({ teamId: 'T1' }))?.bot?.token).toBe('xoxb-shared');
    await here.remove({ teamId: 'T1' });
    expect(await there.find({ teamId: 'T1' })).toBeUndefined();
  });

  it('takes an OAuth state once, across processes', async () => {
    const other = await database.open();
    extra.push(other);
    const now = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-01-01T00:10:00Z');
    expect(await store.installations.consumeState('h1', later, now)).toBe(true);
    expect(await other.installations.consumeState('h1', later, now)).toBe(false);
    const results = await Promise.all([
      store.installations.consumeState('h2', later, now),
      other.installations.consumeState('h2', later, now),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("records the workspace on subscribe and pauses only that workspace's active subscriptions", async () => {
    const at = new Date('2026-03-02T08:00:00Z');
    await store.subscribe({ platform: 'slack', channelId: 'C1', workspace: 'T1' }, MON, { at, by: 'U1' });
    await store.subscribe({ platform: 'slack', channelId: 'C2', workspace: 'T1' }, MON, { at, by: 'U1' });
    await store.subscribe({ platform: 'slack', channelId: 'C3', workspace: 'T2' }, MON, { at, by: 'U1' });
    await store.subscribe({ platform: 'discord', channelId: 'C4', workspace: 'T1' }, MON, { at, by: 'U1' });
    // Re-subscribing without naming the workspace keeps it.
    expect(await store.subscribe({ platform: 'slack', channelId: 'C2' }, MON, { at, by: 'cli' })).toMatchObject({
      workspace: 'T1',
    });
    await store.unsubscribe({ platform: 'slack', channelId: 'C2' }, { at, by: 'U1' });
    expect(await store.pauseWorkspace('slack', { workspace: 'T1' }, UNINSTALLED_REASON, { at, by: 'system' })).toBe(1);
    expect(await store.getSubscription({ platform: 'slack', channelId: 'C1' })).toMatchObject({
      paused: true,
      pausedReason: UNINSTALLED_REASON,
      workspace: 'T1',
    });
    expect(await store.getSubscription({ platform: 'slack', channelId: 'C3' })).toMatchObject({ paused: false });
    expect(await store.getSubscription({ platform: 'discord', channelId: 'C4' })).toMatchObject({ paused: false });
  });

  it("records the org on subscribe and pauses every workspace's channels of that org, and only those", async () => {
    const at = new Date('2026-03-02T08:00:00Z');
    const slack = (channelId: string, workspace: string, organization?: string | null) => ({
      platform: 'slack',
      channelId,
      workspace,
      ...(organization !== undefined ? { organization } : {}),
    });
    await store.subscribe(slack('C1', 'T1', 'E1'), MON, { at, by: 'U1' });
    await store.subscribe(slack('C2', 'T2', 'E1'), MON, { at, by: 'U1' });
    await store.subscribe(slack('C3', 'T3', 'E2'), MON, { at, by: 'U1' });
    await store.subscribe(slack('C4', 'T4', null), MON, { at, by: 'U1' });
    // Re-subscribing without naming the org (the CLI) keeps it.
    expect(await store.subscribe(slack('C2', 'T2'), MON, { at, by: 'cli' })).toMatchObject({ organization: 'E1' });
    expect(await store.pauseWorkspace('slack', { organization: 'E1' }, UNINSTALLED_REASON, { at, by: 'system' })).toBe(
      2,
    );
    const paused = async (channelId: string) => (await store.getSubscription({ platform: 'slack', channelId }))!.paused;
    expect([await paused('C1'), await paused('C2'), await paused('C3'), await paused('C4')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it.runIf(name === 'postgres')('stores nothing readable as a token in PostgreSQL', async () => {
    await sealed(store).storeInstallation(team('T1', 'xoxb-in-postgres'));
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('select * from slack_installations');
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain('xoxb');
    } finally {
      await client.end();
    }
  });
});
