import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_ACCESS_REVOKED_REASON, UNINSTALLED_REASON } from '../../src/adapters/slack/oauth/on-uninstall.js';
import { slackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { createLogger } from '../../src/create-logger.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { runDue } from '../../src/tips/run-due.js';
import { createTipsCommands } from '../../src/tips/tips-commands.js';
import { sqliteDatabase, type TestDatabase } from '../store/backends.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { config, FORM, LogCapture, nextTriggerId, testContent } from './harness.js';
import { dm, install, oauthEnv, postSigned, startOAuthSlack, teamEvent } from './oauth-harness.js';

/** One Enterprise Grid org that installed the app org-wide: its workspaces have no install of their own. */
const ORG = {
  team: undefined,
  enterprise: { id: 'EORG', name: 'Org' },
  isEnterpriseInstall: true,
  botToken: 'xoxb-enterprise-3333-secret',
  botUserId: 'UBOTORG',
};
const ADMIN = 'UORGADMIN';

describe('Slack OAuth, org-wide (Enterprise Grid) install: tips per org, uninstall and lost workspaces', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let store: TipStore;
  const logs = new LogCapture();
  let running: Awaited<ReturnType<typeof startOAuthSlack>>;

  /** `/career <text>` from a workspace of the org, as Slack sends it for an org-wide install. */
  const command = async (team: string, channel: string, text: string) => {
    const id = `r-${team}-${channel}-${Math.random().toString(36).slice(2)}`;
    const body = new URLSearchParams({
      token: 'legacy',
      team_id: team,
      team_domain: team.toLowerCase(),
      enterprise_id: ORG.enterprise.id,
      enterprise_name: ORG.enterprise.name,
      is_enterprise_install: 'true',
      channel_id: channel,
      channel_name: 'general',
      user_id: ADMIN,
      user_name: 'admin',
      command: '/career',
      text,
      api_app_id: 'A1',
      response_url: fake.responseUrl(id),
      trigger_id: nextTriggerId(),
    }).toString();
    expect(await postSigned(running.base, body, FORM)).toBe(200);
    return fake.waitForResponse(id);
  };

  const runWeek = async (at: string) => {
    const logger = createLogger('debug', logs.stream);
    const poster = (await slackPlatform.poster(config(oauthEnv(fake)), logger, store))!;
    try {
      return await runDue({
        store,
        content: testContent(),
        posters: [poster],
        clock: () => new Date(),
        at: new Date(at),
        logger,
      });
    } finally {
      await poster.stop();
    }
  };
  const postsTo = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
  const subscription = (channelId: string) => store.getSubscription({ platform: 'slack', channelId });

  beforeAll(async () => {
    fake = await startFakeSlack();
    db = await sqliteDatabase();
    store = await db.open();
    const clock = () => new Date('2030-01-01T08:00:00Z');
    const tipsCommands = createTipsCommands({
      store,
      content: testContent(),
      clock,
      logger: createLogger('debug', logs.stream),
    });
    running = await startOAuthSlack(fake, store, logs, { ADMIN_USER_IDS: ADMIN }, { clock, tipsCommands });
    expect((await install(fake, running.base, ORG)).status).toBe(200);
  });
  afterAll(async () => {
    await running.slack.stop();
    await store.close();
    await fake.close();
    await db.drop();
  });

  it('records the org with a subscription made in one of its workspaces', async () => {
    const reply = await command('TORGA', 'CORGA01', 'tips subscribe mon 09:00 UTC');
    expect(JSON.stringify(reply.body)).toMatch(/subscribed/i);
    await command('TORGB', 'CORGB01', 'tips subscribe mon 09:00 UTC');
    expect(await subscription('CORGA01')).toMatchObject({ workspace: 'TORGA', organization: 'EORG', paused: false });
    expect(await subscription('CORGB01')).toMatchObject({ workspace: 'TORGB', organization: 'EORG', paused: false });
  });

  it("posts each workspace's weekly tip with the org-wide install's token", async () => {
    const report = await runWeek('2030-01-07T09:05:00Z');
    expect(report.counts.posted).toBe(2);
    expect(postsTo('CORGA01').map((c) => c.authorization)).toEqual([`Bearer ${ORG.botToken}`]);
    expect(postsTo('CORGB01').map((c) => c.authorization)).toEqual([`Bearer ${ORG.botToken}`]);
  });

  it('team_access_revoked pauses the channels of the workspaces the org took away, and only those', async () => {
    const body = teamEvent('TORGA', { type: 'team_access_revoked', team_ids: ['TORGB'] }, { enterprise: 'EORG' });
    expect(await postSigned(running.base, body)).toBe(200);
    await logs.waitFor((l) => l.msg === 'slack: workspaces removed from the org-wide install');
    expect(await subscription('CORGB01')).toMatchObject({ paused: true, pausedReason: TEAM_ACCESS_REVOKED_REASON });
    expect(await subscription('CORGA01')).toMatchObject({ paused: false });
    // The org's install stays: the workspace still in reach is answered.
    expect(
      await postSigned(running.base, dm('TORGA', 'DORGA1', 'llm sme trends', { enterprise: 'EORG', orgWide: true })),
    ).toBe(200);
    expect((await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'DORGA1')).authorization).toBe(
      `Bearer ${ORG.botToken}`,
    );
  });

  it('an org-wide app_uninstalled (no workspace named) deletes the org install and pauses every channel of the org', async () => {
    // Slack names the org, not a workspace, when the org-wide install goes.
    const body = JSON.parse(teamEvent('TORGA', { type: 'app_uninstalled' }, { enterprise: 'EORG', orgWide: true }));
    delete body.team_id;
    delete body.authorizations[0].team_id;
    expect(await postSigned(running.base, JSON.stringify(body))).toBe(200);
    await logs.waitFor((l) => l.msg === 'slack: workspace installation removed' && l.enterprise === 'EORG');
    expect(await store.installations.get('E:EORG')).toBeUndefined();
    expect(await subscription('CORGA01')).toMatchObject({ paused: true, pausedReason: UNINSTALLED_REASON });
    // Already paused for its own reason, which stays what status shows.
    expect(await subscription('CORGB01')).toMatchObject({ paused: true, pausedReason: TEAM_ACCESS_REVOKED_REASON });

    const before = fake.callsTo('chat.postMessage').length;
    const report = await runWeek('2030-01-14T09:05:00Z');
    expect(report.counts.posted).toBe(0);
    expect(
      await postSigned(running.base, dm('TORGA', 'DORGA2', 'llm sme trends', { enterprise: 'EORG', orgWide: true })),
    ).toBe(200);
    await logs.waitFor((l) => l.msg === 'slack: event from a workspace without an installation; not answered');
    expect(fake.callsTo('chat.postMessage').length).toBe(before);
  });
});
