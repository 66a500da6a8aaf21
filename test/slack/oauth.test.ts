import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS_REVOKED_REASON, UNINSTALLED_REASON } from '../../src/adapters/slack/oauth/on-uninstall.js';
import { slackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/create-logger.js';
import { SQLITE_FILE } from '../../src/store/open-store.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { runDue } from '../../src/tips/run-due.js';
import { sqliteDatabase, type TestDatabase } from '../store/backends.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { config, LogCapture, SECRET, testContent } from './harness.js';
import {
  beginInstall,
  dm,
  ENCRYPTION_KEY,
  finishInstall,
  install,
  oauthEnv,
  postSigned,
  STATE_SECRET,
  startOAuthSlack,
  teamEvent,
} from './oauth-harness.js';

const A = { team: { id: 'TA', name: 'Alpha' }, botToken: 'xoxb-alpha-0000-secret', botUserId: 'UBOTA' };
const B = { team: { id: 'TB', name: 'Beta' }, botToken: 'xoxb-beta-1111-secret', botUserId: 'UBOTB' };
const ORG = {
  team: undefined,
  enterprise: { id: 'E1', name: 'Org' },
  isEnterpriseInstall: true,
  botToken: 'xoxb-org-2222-secret',
  botUserId: 'UBOTE',
};

describe('Slack OAuth distribution (real InstallProvider and Bolt, fake Slack, SQLite store)', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let store: TipStore;
  const logs = new LogCapture();
  let running: Awaited<ReturnType<typeof startOAuthSlack>>;

  /** Waits for the DM's answer in `channel` and returns the token it was posted with. */
  const answerToken = async (channel: string) =>
    (await fake.waitForCall('chat.postMessage', (c) => c.args.channel === channel)).authorization;

  beforeAll(async () => {
    fake = await startFakeSlack();
    db = await sqliteDatabase();
    store = await db.open();
    running = await startOAuthSlack(fake, store, logs);
  });
  afterAll(async () => {
    await running.slack.stop();
    await store.close();
    await fake.close();
    await db.drop();
  });

  it('serves the install page: Slack authorize URL with client_id, scopes and a state, and the state in a cookie', async () => {
    const begun = await beginInstall(running.base);
    expect(begun.status).toBe(200);
    expect(begun.authorizeUrl.origin + begun.authorizeUrl.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(begun.authorizeUrl.searchParams.get('client_id')).toBe(fake.client.id);
    expect(begun.authorizeUrl.searchParams.get('scope')!.split(',').sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'files:write',
      'im:history',
      'users:read',
    ]);
    expect(begun.state.length).toBeGreaterThan(20);
    expect(begun.cookie).toBe(`slack-app-oauth-state=${begun.state}`);
  });

  it('installs two workspaces through the redirect, exchanging each code at oauth.v2.access', async () => {
    expect((await install(fake, running.base, A)).status).toBe(200);
    expect((await install(fake, running.base, B)).status).toBe(200);
    const exchanges = fake.callsTo('oauth.v2.access');
    expect(exchanges.filter((c) => c.result.ok)).toHaveLength(2);
    expect(exchanges[0]!.args).toMatchObject({ client_id: fake.client.id, client_secret: fake.client.secret });
    expect(await store.installations.count()).toBe(2);
  });

  it("answers each workspace with that workspace's own bot token", async () => {
    expect(await postSigned(running.base, dm('TA', 'DA1'))).toBe(200);
    expect(await postSigned(running.base, dm('TB', 'DB1'))).toBe(200);
    expect(await answerToken('DA1')).toBe(`Bearer ${A.botToken}`);
    expect(await answerToken('DB1')).toBe(`Bearer ${B.botToken}`);
  });

  it('answers a workspace of an org-wide (Enterprise Grid) install with the org token, stored by enterprise', async () => {
    expect((await install(fake, running.base, ORG)).status).toBe(200);
    expect(await store.installations.get('E:E1')).toMatchObject({
      enterpriseId: 'E1',
      enterpriseInstall: true,
      teamId: null,
    });
    expect(
      await postSigned(running.base, dm('TORG1', 'DE1', 'llm sme trends', { enterprise: 'E1', orgWide: true })),
    ).toBe(200);
    expect(await answerToken('DE1')).toBe(`Bearer ${ORG.botToken}`);
  });

  it('refuses a forged state and a replayed one, storing nothing', async () => {
    const begun = await beginInstall(running.base);
    const forged = begun.state.slice(0, -4) + (begun.state.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const before = fake.callsTo('oauth.v2.access').length;
    const r1 = await finishInstall(fake, running.base, {
      state: forged,
      cookie: `slack-app-oauth-state=${forged}`,
      grant: { team: { id: 'TX', name: 'X' }, botToken: 'xoxb-forged-9999' },
    });
    expect(r1.status).toBe(400);
    // A state that is genuine but not this browser's cookie: refused too.
    const r2 = await finishInstall(fake, running.base, {
      state: begun.state,
      cookie: 'slack-app-oauth-state=other',
      grant: { team: { id: 'TX', name: 'X' }, botToken: 'xoxb-forged-9999' },
    });
    expect(r2.status).toBe(400);
    // The genuine pair works once; the same redirect again is a replay.
    const ok = await finishInstall(fake, running.base, {
      ...begun,
      grant: { team: { id: 'TY', name: 'Y' }, botToken: 'xoxb-ylabel-7777' },
    });
    expect(ok.status).toBe(200);
    const replay = await finishInstall(fake, running.base, {
      ...begun,
      grant: { team: { id: 'TZ', name: 'Z' }, botToken: 'xoxb-replay-8888' },
    });
    expect(replay.status).toBe(400);
    expect(fake.callsTo('oauth.v2.access').length).toBe(before + 1);
    expect(await store.installations.get('T:TX')).toBeUndefined();
    expect(await store.installations.get('T:TZ')).toBeUndefined();
    await store.installations.remove('T:TY');
  });

  it('does not answer an event from a workspace that never installed', async () => {
    expect(await postSigned(running.base, dm('TNEVER', 'DN1'))).toBe(200);
    await logs.waitFor(
      (l) =>
        l.msg === 'slack: event from a workspace without an installation; not answered' &&
        String(l.reason).includes('team TNEVER'),
    );
    // A later event from an installed workspace is answered: the stranger's was not merely slow.
    expect(await postSigned(running.base, dm('TA', 'DA2'))).toBe(200);
    await answerToken('DA2');
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DN1')).toEqual([]);
  });

  it('keeps installations across a restart, sealed so the database shows no token', async () => {
    await running.slack.stop();
    await store.close();
    store = await db.open();
    running = await startOAuthSlack(fake, store, logs);
    expect(await postSigned(running.base, dm('TB', 'DB2'))).toBe(200);
    expect(await answerToken('DB2')).toBe(`Bearer ${B.botToken}`);

    const raw = new Database(path.join(db.dataDir, SQLITE_FILE), { readonly: true });
    const rows = raw.prepare('select * from slack_installations').all() as { sealed: string }[];
    raw.close();
    const dump = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const secret of [A.botToken, B.botToken, ORG.botToken, 'xoxb-']) expect(dump).not.toContain(secret);
    expect(readFileSync(path.join(db.dataDir, SQLITE_FILE)).includes(Buffer.from('xoxb-'))).toBe(false);
  });

  it('posts weekly tips per workspace token, and an uninstalled workspace never', async () => {
    const at = new Date('2026-03-02T08:00:00Z');
    const schedule = { day: 'mon' as const, time: '09:00', timeZone: 'UTC' };
    await store.subscribe({ platform: 'slack', channelId: 'CA', workspace: 'TA' }, schedule, { at, by: 'test' });
    await store.subscribe({ platform: 'slack', channelId: 'CB', workspace: 'TB' }, schedule, { at, by: 'test' });
    await store.subscribe({ platform: 'slack', channelId: 'CGONE', workspace: 'TGONE' }, schedule, { at, by: 'test' });
    const cfg = config(oauthEnv(fake));
    const logger = createLogger('debug', logs.stream);
    const poster = (await slackPlatform.poster(cfg, logger, store))!;
    const report = await runDue({
      store,
      content: testContent(),
      posters: [poster],
      clock: () => new Date(),
      at: new Date('2026-03-02T09:05:00Z'),
      logger,
    });
    expect(report.counts.posted).toBe(2);
    const tokenFor = (channel: string) =>
      fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel)?.authorization;
    expect(tokenFor('CA')).toBe(`Bearer ${A.botToken}`);
    expect(tokenFor('CB')).toBe(`Bearer ${B.botToken}`);
    expect(tokenFor('CGONE')).toBeUndefined();
    const gone = await store.getSubscription({ platform: 'slack', channelId: 'CGONE' });
    expect(gone).toMatchObject({ paused: true, workspace: 'TGONE' });
    expect(gone!.pausedReason).toContain('not installed in Slack workspace TGONE');
    await poster.stop();
  });

  it('app_uninstalled deletes the installation, pauses the workspace subscriptions with the reason, and stops answering', async () => {
    expect(await postSigned(running.base, teamEvent('TA', { type: 'app_uninstalled' }))).toBe(200);
    await logs.waitFor((l) => l.msg === 'slack: workspace installation removed' && l.team === 'TA');
    expect(await store.installations.get('T:TA')).toBeUndefined();
    expect(await store.getSubscription({ platform: 'slack', channelId: 'CA' })).toMatchObject({
      paused: true,
      pausedReason: UNINSTALLED_REASON,
    });
    expect(await store.getSubscription({ platform: 'slack', channelId: 'CB' })).toMatchObject({ paused: false });
    expect(await postSigned(running.base, dm('TA', 'DA3'))).toBe(200);
    await logs.waitFor(
      (l) =>
        l.msg === 'slack: event from a workspace without an installation; not answered' &&
        String(l.reason).includes('team TA '),
    );
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DA3')).toEqual([]);
  });

  it('tokens_revoked for the bot token does the same', async () => {
    expect(
      await postSigned(running.base, teamEvent('TB', { type: 'tokens_revoked', tokens: { bot: ['UBOTB'] } })),
    ).toBe(200);
    await logs.waitFor((l) => l.msg === 'slack: workspace installation removed' && l.team === 'TB');
    expect(await store.installations.get('T:TB')).toBeUndefined();
    expect(await store.getSubscription({ platform: 'slack', channelId: 'CB' })).toMatchObject({
      paused: true,
      pausedReason: TOKENS_REVOKED_REASON,
    });
  });

  it('reopening with another TOKEN_ENCRYPTION_KEY cannot read the tokens', async () => {
    const other = Buffer.alloc(32, 7).toString('base64');
    const { sealedInstallations } = await import('../../src/adapters/slack/oauth/oauth-mode.js');
    const wrong = sealedInstallations(config({ ...oauthEnv(fake), TOKEN_ENCRYPTION_KEY: other }), store);
    await expect(wrong.find({ enterpriseId: 'E1', isEnterpriseInstall: true })).rejects.toThrow(
      /TOKEN_ENCRYPTION_KEY is not the key/,
    );
    const right = sealedInstallations(config(oauthEnv(fake)), store);
    expect((await right.find({ enterpriseId: 'E1', isEnterpriseInstall: true }))?.bot?.token).toBe(ORG.botToken);
  });

  it('refuses to start, or to post tips, with a TOKEN_ENCRYPTION_KEY that does not open the stored installations', async () => {
    const other = Buffer.alloc(32, 9).toString('base64');
    const wrong = startOAuthSlack(fake, store, logs, { TOKEN_ENCRYPTION_KEY: other });
    await expect(wrong).rejects.toThrow(/^TOKEN_ENCRYPTION_KEY does not open the Slack installations already stored/);
    await expect(wrong).rejects.not.toThrow(other);
    const posting = slackPlatform.poster(
      config({ ...oauthEnv(fake), TOKEN_ENCRYPTION_KEY: other }),
      createLogger('debug', logs.stream),
      store,
    );
    await expect(posting).rejects.toThrow(/TOKEN_ENCRYPTION_KEY does not open/);
    // The right key still starts: the check opened a stored installation.
    const again = await startOAuthSlack(fake, store, logs);
    await again.slack.stop();
  });

  it('never logs a token, the client secret, the state secret, the signing secret or the encryption key', () => {
    const text = logs.lines.map((l) => JSON.stringify(l)).join('\n');
    expect(logs.lines.length).toBeGreaterThan(30);
    for (const secret of [
      A.botToken,
      B.botToken,
      ORG.botToken,
      fake.client.secret,
      STATE_SECRET,
      SECRET,
      ENCRYPTION_KEY,
    ])
      expect(text).not.toContain(secret);
  });
});

describe('OAuth configuration', () => {
  const base = {
    SLACK_CLIENT_ID: '111.222',
    SLACK_CLIENT_SECRET: 'fakeclientsecret0123',
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: SECRET,
    TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
  };
  it('turns on OAuth mode with every variable set', () => {
    const r = parseConfig(base);
    expect(r.ok && r.config.slack).toBe('oauth');
  });
  it.each([
    ['TOKEN_ENCRYPTION_KEY', { TOKEN_ENCRYPTION_KEY: undefined }, /TOKEN_ENCRYPTION_KEY is required/],
    ['a short key', { TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }, /32 random bytes/],
    ['the state secret', { SLACK_STATE_SECRET: undefined }, /SLACK_STATE_SECRET is required/],
    ['a bot token beside it', { SLACK_BOT_TOKEN: 'xoxb-1' }, /not both/],
  ])('refuses to start without %s, naming the variable and never a value', (_name, change, message) => {
    const r = parseConfig({ ...base, ...change });
    expect(r.ok).toBe(false);
    const errors = r.ok ? '' : r.errors.join('\n');
    expect(errors).toMatch(message);
    for (const v of Object.values(base)) expect(errors).not.toContain(v);
  });
});
