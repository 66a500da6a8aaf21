import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TipStore } from '../../src/store/tip-store.js';
import { postgresDatabase, type TestDatabase } from '../store/backends.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { LogCapture } from './harness.js';
import { beginInstall, dm, finishInstall, postSigned, startOAuthSlack, teamEvent } from './oauth-harness.js';

/** Two bot processes on one PostgreSQL, as replicas behind a load balancer. */
describe('Slack OAuth with two replicas on one PostgreSQL', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  const stores: TipStore[] = [];
  const logs = new LogCapture();
  let one: Awaited<ReturnType<typeof startOAuthSlack>>;
  let two: Awaited<ReturnType<typeof startOAuthSlack>>;

  beforeAll(async () => {
    fake = await startFakeSlack();
    db = await postgresDatabase();
    stores.push(await db.open(), await db.open());
    one = await startOAuthSlack(fake, stores[0]!, logs);
    two = await startOAuthSlack(fake, stores[1]!, logs);
  });
  afterAll(async () => {
    await one.slack.stop();
    await two.slack.stop();
    await Promise.all(stores.map((s) => s.close()));
    await fake.close();
    await db.drop();
  });

  it('installs through one replica (even when the redirect lands on the other) and answers on both with the workspace token', async () => {
    const begun = await beginInstall(one.base);
    const done = await finishInstall(fake, two.base, {
      ...begun,
      grant: { team: { id: 'TP', name: 'Pg' }, botToken: 'xoxb-pg-3333-secret' },
    });
    expect(done.status).toBe(200);
    // The state was used on replica two: replaying it on replica one is refused.
    expect(
      (
        await finishInstall(fake, one.base, {
          ...begun,
          grant: { team: { id: 'TQ', name: 'Q' }, botToken: 'xoxb-q-4444' },
        })
      ).status,
    ).toBe(400);
    for (const [replica, channel] of [
      [one, 'DP1'],
      [two, 'DP2'],
    ] as const) {
      expect(await postSigned(replica.base, dm('TP', channel))).toBe(200);
      expect((await fake.waitForCall('chat.postMessage', (c) => c.args.channel === channel)).authorization).toBe(
        'Bearer xoxb-pg-3333-secret',
      );
    }
  });

  it('a replica restarted on the same PostgreSQL answers the installed workspace with its stored token', async () => {
    await one.slack.stop();
    await stores[0]!.close();
    stores[0] = await db.open();
    one = await startOAuthSlack(fake, stores[0], logs);
    expect(await postSigned(one.base, dm('TP', 'DP3'))).toBe(200);
    expect((await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'DP3')).authorization).toBe(
      'Bearer xoxb-pg-3333-secret',
    );
  });

  it('an uninstall taken by one replica removes the installation for both', async () => {
    expect(await postSigned(two.base, teamEvent('TP', { type: 'app_uninstalled' }))).toBe(200);
    await logs.waitFor((l) => l.msg === 'slack: workspace installation removed' && l.team === 'TP');
    expect(await stores[0]!.installations.get('T:TP')).toBeUndefined();
  });
});
