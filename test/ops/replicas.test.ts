import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/start-slack.js';
import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import { createBot } from '../../src/core/bot.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { postgresDatabase, type TestDatabase } from '../store/backends.js';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.js';
import { testLogger } from '../helpers/log-sink.js';
import { config, eventCallback, JSON_TYPE, SECRET, signature, testContent } from '../slack/harness.js';

/** Two bot processes' worth of Slack adapter and store, sharing one PostgreSQL schema. */
describe('two replicas on one PostgreSQL', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  const replicas: { slack: SlackAdapter; store: TipStore }[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    db = await postgresDatabase();
    for (const name of ['a', 'b']) {
      const store = await db.open();
      const logger = testLogger().child({ replica: name });
      const cfg = config({
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        DATABASE_URL: db.databaseUrl ?? '',
      });
      const sharedEvents = {
        claim: (id: string, at: Date) => store.claimEvent(id, `replica-${name}`, at),
        sweep: (before: Date) => store.sweepEventClaims(before),
      };
      const slack = await startSlack({
        bot: createBot({ content: testContent(), logger, surface: slackSurface }),
        config: cfg,
        logger,
        sharedEvents,
      });
      replicas.push({ slack, store });
    }
  });
  afterAll(async () => {
    for (const r of replicas) {
      await r.slack.stop();
      await r.store.close();
    }
    await fake.close();
    await db.drop();
  });

  const deliver = async (port: number | null, body: string, retry?: number) => {
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': JSON_TYPE,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(body, ts),
        ...(retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
      },
      body,
    });
    return res.status;
  };

  it('answers an event Slack retried to the other replica once: 100 of 100', async () => {
    const [a, b] = replicas;
    const bodies = Array.from({ length: 100 }, (_, i) =>
      eventCallback({
        type: 'message',
        channel: `D${i}`,
        channel_type: 'im',
        user: 'U1',
        text: 'llm sme skills',
        ts: `1700000200.${String(i).padStart(6, '0')}`,
      }),
    );
    // The original to one replica and Slack's retry to the other at the same moment: the worst race.
    const statuses = await Promise.all(
      bodies.flatMap((body, i) =>
        i % 2
          ? [deliver(a!.slack.port, body), deliver(b!.slack.port, body, 1)]
          : [deliver(b!.slack.port, body), deliver(a!.slack.port, body, 1)],
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    await fake.waitFor('100 answers', () => (fake.callsTo('chat.postMessage').length >= 100 ? true : undefined));
    // A late second answer would come within moments of the first: give it the chance to show.
    await new Promise((r) => setTimeout(r, 500));
    const channels = fake.callsTo('chat.postMessage').map((c) => c.args.channel as string);
    expect(channels).toHaveLength(100);
    expect(new Set(channels).size).toBe(100);
  });

  it('keeps claims for a bounded time: the sweep forgets old ones', async () => {
    const store = replicas[0]!.store;
    expect(await store.claimEvent('EvOld', 'x', new Date(1_000))).toBe(true);
    expect(await store.claimEvent('EvOld', 'y', new Date(2_000))).toBe(false);
    expect(await store.sweepEventClaims(new Date(1_500))).toBe(1);
    expect(await store.claimEvent('EvOld', 'y', new Date(3_000))).toBe(true);
  });
});
