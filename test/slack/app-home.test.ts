import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_ROLE_ACTION, homeView } from '../../src/adapters/slack/app-home.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { sqliteDatabase, type TestDatabase } from '../store/backends.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { FORM, LogCapture, testContent } from './harness.js';
import { blockKitProblems } from './limits.js';
import { install, postSigned, startOAuthSlack, teamEvent } from './oauth-harness.js';

const MON = { day: 'mon' as const, time: '09:00', timeZone: 'UTC' };

describe('Slack App Home (real Bolt, OAuth mode, two workspaces)', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let store: TipStore;
  let running: Awaited<ReturnType<typeof startOAuthSlack>>;
  const logs = new LogCapture();

  beforeAll(async () => {
    fake = await startFakeSlack();
    db = await sqliteDatabase();
    store = await db.open();
    running = await startOAuthSlack(fake, store, logs);
    await install(fake, running.base, { team: { id: 'TH1', name: 'One' }, botToken: 'xoxb-home-one' });
    await install(fake, running.base, { team: { id: 'TH2', name: 'Two' }, botToken: 'xoxb-home-two' });
    const at = new Date('2026-03-01T00:00:00Z');
    await store.subscribe({ platform: 'slack', channelId: 'CONE', workspace: 'TH1' }, MON, { at, by: 'U' });
    await store.subscribe({ platform: 'slack', channelId: 'CTWO', workspace: 'TH2' }, MON, { at, by: 'U' });
    await store.pauseWorkspace('slack', { workspace: 'TH2' }, 'the app was uninstalled from this Slack workspace', {
      at,
      by: 'system',
    });
    fake.users.set('UADMIN', { is_admin: true });
    fake.users.set('UMEMBER', { is_admin: false });
  });
  afterAll(async () => {
    await running.slack.stop();
    await store.close();
    await fake.close();
    await db.drop();
  });

  const openHome = async (team: string, user: string) => {
    expect(
      await postSigned(
        running.base,
        teamEvent(team, { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' }),
      ),
    ).toBe(200);
    return fake.waitForCall(
      'views.publish',
      (c) => c.args.user_id === user && c.authorization === `Bearer xoxb-home-${team === 'TH1' ? 'one' : 'two'}`,
    );
  };
  const text = (view: any) => JSON.stringify(view.blocks);

  it('greets an admin, lists every role as a button, says how to ask, and shows only this workspace\u2019s subscriptions', async () => {
    const call = await openHome('TH1', 'UADMIN');
    const view = call.args.view;
    expect(view.type).toBe('home');
    expect(text(view)).toContain('Hi <@UADMIN>!');
    const buttons = view.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements);
    expect(buttons.map((b: any) => b.text.text).sort()).toEqual(
      testContent()
        .roles.map((r) => r.title)
        .sort(),
    );
    expect(text(view)).toContain('Messages');
    expect(text(view)).toContain('/career');
    expect(text(view)).toContain('<#CONE>');
    expect(text(view)).not.toContain('CTWO');
    // A view has no text fallback (a message's rule); the greeting and channel links are deliberate entities.
    const withoutEntities = JSON.parse(JSON.stringify(view.blocks).replace(/<[@#][UC][A-Z0-9]+>/g, 'x'));
    expect(blockKitProblems({ blocks: withoutEntities, text: 'view' })).toEqual([]);
  });

  it('shows the other workspace its own (paused, with the reason) subscriptions, with its own token', async () => {
    const view = (await openHome('TH2', 'UADMIN')).args.view;
    expect(text(view)).toContain('<#CTWO>: paused (the app was uninstalled from this Slack workspace)');
    expect(text(view)).not.toContain('CONE');
  });

  it('shows no subscriptions to someone who is not an admin', async () => {
    const view = (await openHome('TH1', 'UMEMBER')).args.view;
    expect(text(view)).not.toContain('Usage in this workspace');
    expect(text(view)).not.toContain('Weekly tips in this workspace');
    expect(text(view)).not.toContain('CONE');
  });

  it("shows an admin this workspace's usage report, and only this workspace's questions", async () => {
    const day = new Date().toISOString().slice(0, 10);
    const logged = (workspace: string, text: string) =>
      store.learning.recordAnswer(
        { day, workspace, platform: 'slack', intent: 'unknown', roles: [], section: null },
        {
          day,
          workspace,
          platform: 'slack',
          reason: 'unknown',
          intent: 'unknown',
          text,
          unknownRole: null,
          suggestions: [],
        },
      );
    await logged('TH1', 'what does a home one question ask');
    await logged('TH2', 'what does a home two question ask');
    expect(
      await postSigned(
        running.base,
        teamEvent('TH1', { type: 'app_home_opened', user: 'UADMIN', channel: 'DUADMIN', tab: 'home' }),
      ),
    ).toBe(200);
    // An earlier test opened this Home before anything was logged: wait for the view that has the question.
    const call = await fake.waitForCall(
      'views.publish',
      (c) => c.args.user_id === 'UADMIN' && text(c.args.view).includes('home one'),
    );
    expect(text(call.args.view)).toContain('Usage in this workspace');
    expect(text(call.args.view)).not.toContain('home two');
  });

  it('answers a role button in the person\u2019s DM with the bot, with that workspace\u2019s token', async () => {
    const view = homeView({ user: 'UMEMBER', content: testContent(), admin: false, subscriptions: [] });
    const button = (view.blocks.find((b) => b.type === 'actions') as any).elements.find(
      (e: any) => e.value === 's:llm-sme:overview',
    );
    expect(button.action_id).toMatch(new RegExp(`^${HOME_ROLE_ACTION}_\\d+$`));
    const payload = {
      type: 'block_actions',
      team: { id: 'TH1', domain: 'one' },
      user: { id: 'UMEMBER', username: 'm', name: 'm', team_id: 'TH1' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: '1.2.3',
      container: { type: 'view', view_id: 'V1' },
      view: { id: 'V1', type: 'home', team_id: 'TH1' },
      actions: [
        {
          type: 'button',
          block_id: 'b',
          action_id: button.action_id,
          value: button.value,
          text: button.text,
          action_ts: '1700000001.000',
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect(await postSigned(running.base, body, FORM)).toBe(200);
    const answer = await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'UMEMBER');
    expect(answer.authorization).toBe('Bearer xoxb-home-one');
    expect(JSON.stringify(answer.args.blocks)).toContain('Large Language Model SME');
  });
});
