import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/start-slack.js';
import { createBot } from '../../src/core/bot.js';
import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import { testLogger } from '../helpers/log-sink.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { config, testContent } from './harness.js';

describe('Slack over Socket Mode (real Bolt SocketModeReceiver, fake WebSocket)', () => {
  let fake: FakeSlack;
  let slack: SlackAdapter;
  beforeAll(async () => {
    fake = await startFakeSlack();
    const logger = testLogger();
    const cfg = config({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: fake.apiUrl,
    });
    // Resolves once the fake has sent `hello` over the socket.
    slack = await startSlack({
      bot: createBot({ surface: slackSurface, content: testContent(), logger }),
      config: cfg,
      logger,
    });
  });
  afterAll(async () => {
    await slack.stop();
    await slack.stop();
    await fake.close();
  });

  it('opens the connection with the app token, not the bot token', () => {
    expect(slack).toMatchObject({ mode: 'socket', port: null });
    expect(fake.callsTo('apps.connections.open').map((c) => c.authorization)).toEqual(['Bearer xapp-test-token']);
    expect(fake.callsTo('auth.test').map((c) => c.authorization)).toEqual(['Bearer xoxb-test-token']);
  });

  it('acks a slash command envelope by its envelope_id, then answers through response_url', async () => {
    fake.sendEnvelope({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'legacy',
        team_id: 'T1',
        team_domain: 'test',
        channel_id: 'C1',
        channel_name: 'general',
        user_id: 'U1',
        user_name: 'ada',
        command: '/career',
        text: 'knowledge graph engineer skills',
        api_app_id: 'A1',
        response_url: fake.responseUrl('sock-1'),
        trigger_id: '1.2.3',
      },
    });
    const ack = await fake.waitForSocketMessage((m) => m.envelope_id === 'env-1');
    expect(ack).toEqual({ envelope_id: 'env-1', payload: {} });
    const { body } = await fake.waitForResponse('sock-1');
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0].text.text).toBe('Knowledge Graph Engineer · Skills');
  });

  it('acks an events_api envelope and answers the DM over the Web API', async () => {
    fake.sendEnvelope({
      envelope_id: 'env-2',
      type: 'events_api',
      accepts_response_payload: false,
      payload: {
        team_id: 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: 'EvS1',
        event_time: 1_700_000_000,
        event: {
          type: 'message',
          channel: 'D-sock',
          channel_type: 'im',
          user: 'U1',
          text: 'llm sme',
          ts: '1700000000.000900',
        },
      },
    });
    await fake.waitForSocketMessage((m) => m.envelope_id === 'env-2');
    const call = await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D-sock');
    expect(call.args.blocks[0].text.text).toBe('Large Language Model SME · Overview');
  });
});
