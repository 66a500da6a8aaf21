import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/start-slack.js';
import type { SharedEventClaims } from '../../src/adapters/slack/repeat-deliveries.js';
import type { Config } from '../../src/config.js';
import { createBot, type Bot, type BotOptions } from '../../src/core/bot.js';
import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import { loadContent } from '../../src/core/content/load-content.js';
import type { Content } from '../../src/core/content/types.js';
import { createLogger } from '../../src/create-logger.js';
import { captureText, registerSecret } from '../helpers/log-sink.js';
import { testConfig } from '../helpers/test-config.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';

export const SECRET = 'testsigningsecret0123';
registerSecret(SECRET);
export const TEAM = 'T1';

let content: Content | undefined;
export function testContent(): Content {
  if (!content) {
    const loaded = loadContent('content');
    if (!loaded.ok) throw new Error(`content does not load: ${JSON.stringify(loaded.problems)}`);
    content = loaded.content;
  }
  return content;
}

/** pino into memory, with a way to await a line; every line also goes to the log scan's sink. */
export class LogCapture {
  readonly lines: Record<string, any>[] = [];
  private readonly emitter = new EventEmitter();
  private readonly scanned: boolean;
  readonly stream = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      if (this.scanned) captureText('pino', chunk);
      for (const line of String(chunk).split('\n').filter(Boolean))
        this.lines.push(JSON.parse(line) as Record<string, any>);
      this.emitter.emit('line');
      done();
    },
  });

  /** `scanned: false` keeps the lines out of the log scan: only for a test that shows a secret leaking on purpose. */
  constructor(options: { scanned?: boolean } = {}) {
    this.scanned = options.scanned ?? true;
  }

  waitFor(where: (l: Record<string, any>) => boolean): Promise<Record<string, any>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.find(where);
        if (!found) return;
        clearTimeout(timer);
        this.emitter.off('line', check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.emitter.off('line', check);
        reject(new Error(`no matching log line; got: ${this.lines.map((l) => l.msg).join(' | ')}`));
      }, 5_000);
      this.emitter.on('line', check);
      check();
    });
  }
}

export interface Harness {
  fake: FakeSlack;
  slack: SlackAdapter;
  logs: LogCapture;
  config: Config;
  /** POSTs a correctly signed body to /slack/events. */
  post(
    body: string,
    contentType: string,
    sign?: { timestamp?: number; signature?: string },
  ): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

/** parseConfig for a test: throws on a refusal, and registers the environment's secrets with the log scan. */
export const config = testConfig;

export function signature(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Starts the fake Slack and the real Bolt app in HTTP mode against it. */
export async function startHttpHarness(
  options: {
    env?: Record<string, string>;
    bot?: Partial<BotOptions>;
    wrap?: (bot: Bot) => Bot;
    sharedEvents?: SharedEventClaims;
    fake?: FakeSlack;
  } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await startFakeSlack());
  const logs = new LogCapture();
  const cfg = config({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    ...options.env,
  });
  const logger = createLogger('debug', logs.stream);
  const created = createBot({ surface: slackSurface, content: testContent(), logger, ...options.bot });
  const bot = options.wrap ? options.wrap(created) : created;
  const slack = await startSlack({
    bot,
    config: cfg,
    logger,
    ...(options.sharedEvents ? { sharedEvents: options.sharedEvents } : {}),
  });
  const base = `http://127.0.0.1:${slack.port}/slack/events`;
  return {
    fake,
    slack,
    logs,
    config: cfg,
    async post(body, contentType, sign = {}) {
      const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
      const res = await fetch(base, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign.signature ?? signature(body, timestamp),
        },
        body,
      });
      return { status: res.status, text: await res.text() };
    },
    async stop() {
      await slack.stop();
      await fake.close();
    },
  };
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

let triggerCounter = 0;
/** Slack gives every command and button press a trigger_id of its own; the bot refuses one it has seen. */
export const nextTriggerId = () => `${Date.now()}.${(triggerCounter += 1)}.abc`;

/** A slash command body as Slack sends it. */
export function slashCommand(
  fake: FakeSlack,
  o: { text: string; responseId: string; user?: string; channel?: string },
): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: TEAM,
    team_domain: 'test',
    channel_id: o.channel ?? 'C1',
    channel_name: 'general',
    user_id: o.user ?? 'U1',
    user_name: 'ada',
    command: '/career',
    text: o.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: fake.responseUrl(o.responseId),
    trigger_id: nextTriggerId(),
  }).toString();
}

let eventCounter = 0;
/** An Events API envelope around one event. */
export function eventCallback(event: Record<string, unknown>): string {
  eventCounter += 1;
  return JSON.stringify({
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${eventCounter}`,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event: { event_ts: `1700000000.00${eventCounter}`, ...event },
  });
}

/** A block_actions payload for pressing one button; `responseId: null` leaves out response_url. */
export function buttonPress(
  fake: FakeSlack,
  o: {
    button: { action_id: string; value?: string };
    responseId: string | null;
    channel?: string;
    user?: string;
    ephemeral?: boolean;
    messageTs?: string;
    threadTs?: string;
  },
): string {
  const channel = o.channel ?? 'C1';
  const messageTs = o.messageTs ?? '1700000000.000001';
  const payload = {
    type: 'block_actions',
    team: { id: TEAM, domain: 'test' },
    user: { id: o.user ?? 'U1', username: 'ada', name: 'ada', team_id: TEAM },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: nextTriggerId(),
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channel,
      is_ephemeral: o.ephemeral ?? true,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
    channel: { id: channel, name: 'general' },
    ...(o.ephemeral === false
      ? {
          message: {
            type: 'message',
            ts: messageTs,
            ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
            text: '',
            blocks: [],
          },
        }
      : {}),
    ...(o.responseId === null ? {} : { response_url: fake.responseUrl(o.responseId) }),
    actions: [
      {
        type: 'button',
        block_id: 'b1',
        action_id: o.button.action_id,
        value: o.button.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Every button in a message's blocks. */
export function buttonsOf(blocks: any[]): { action_id: string; value?: string; text: { text: string } }[] {
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);
}

export function findButton(blocks: any[], label: string): { action_id: string; value?: string } {
  const found = buttonsOf(blocks).find((b) => b.text.text === label);
  if (!found)
    throw new Error(
      `no button "${label}" in ${buttonsOf(blocks)
        .map((b) => b.text.text)
        .join(', ')}`,
    );
  return found;
}

/** All text a user could see in a message, joined. */
export function visibleText(message: { text?: string; blocks?: any[] }): string {
  return JSON.stringify(message.blocks ?? []) + (message.text ?? '');
}
