import { randomBytes } from 'node:crypto';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/start-slack.js';
import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import { createBot, type BotOptions } from '../../src/core/bot.js';
import { createLogger } from '../../src/create-logger.js';
import { reportLines, usageReport as usageReportOf } from '../../src/learn/usage-report.js';
import type { TipStore } from '../../src/store/tip-store.js';
import type { FakeSlack, Grant } from './fake-slack.js';
import { registerSecretsIn } from '../helpers/log-sink.js';
import { config, JSON_TYPE, LogCapture, SECRET, signature, testContent } from './harness.js';

export const STATE_SECRET = 'state-secret-for-tests-0123456789';
export const ENCRYPTION_KEY = randomBytes(32).toString('base64');

/** The environment of OAuth mode against the fake; every secret here is one the log scan looks for. */
export function oauthEnv(fake: FakeSlack, key = ENCRYPTION_KEY): Record<string, string> {
  const env = {
    SLACK_CLIENT_ID: fake.client.id,
    SLACK_CLIENT_SECRET: fake.client.secret,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: SECRET,
    TOKEN_ENCRYPTION_KEY: key,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
  };
  registerSecretsIn(env);
  return env;
}

/** One bot process in OAuth mode on a given store. */
export async function startOAuthSlack(
  fake: FakeSlack,
  store: TipStore,
  logs: LogCapture,
  env: Record<string, string> = {},
  botOptions: Partial<BotOptions> = {},
): Promise<{ slack: SlackAdapter; base: string }> {
  const logger = createLogger('debug', logs.stream);
  // The usage report as the running bot has it: one workspace's rows for an admin.
  const usageReport = async (since: string | null, workspace: string | null) =>
    reportLines(await usageReportOf(store.learning, since, workspace));
  const bot = createBot({ surface: slackSurface, content: testContent(), logger, usageReport, ...botOptions });
  const slack = await startSlack({ bot, config: config({ ...oauthEnv(fake), ...env }), logger, store });
  return { slack, base: `http://127.0.0.1:${slack.port}` };
}

/** GET /slack/install: the authorize URL's state and the cookie that carries it. */
export async function beginInstall(
  base: string,
): Promise<{ status: number; state: string; cookie: string; authorizeUrl: URL }> {
  const res = await fetch(`${base}/slack/install`);
  const html = await res.text();
  const href = /href="([^"]*slack\.com\/oauth\/v2\/authorize[^"]*)"/.exec(html)?.[1];
  if (!href) throw new Error(`no authorize link on the install page: ${html.slice(0, 200)}`);
  const authorizeUrl = new URL(href.replace(/&amp;/g, '&'));
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { status: res.status, state: authorizeUrl.searchParams.get('state') ?? '', cookie, authorizeUrl };
}

/** Slack sends the browser back with a code; the fake will exchange it for `grant`. */
export async function finishInstall(
  fake: FakeSlack,
  base: string,
  o: { state: string; cookie: string; grant: Grant; code?: string },
): Promise<{ status: number; html: string }> {
  const code = o.code ?? `code-${Math.random().toString(36).slice(2)}`;
  fake.grants.set(code, o.grant);
  const res = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(o.state)}`, {
    headers: { cookie: o.cookie },
  });
  return { status: res.status, html: await res.text() };
}

/** The whole browser round trip for one workspace. */
export async function install(
  fake: FakeSlack,
  base: string,
  grant: Grant,
): Promise<{ status: number; html: string; state: string; cookie: string }> {
  const begun = await beginInstall(base);
  return { ...(await finishInstall(fake, base, { ...begun, grant })), state: begun.state, cookie: begun.cookie };
}

let n = 0;
/** An Events API envelope for one workspace (or an org-wide install's workspace). */
export function teamEvent(
  team: string,
  event: Record<string, unknown>,
  o: { enterprise?: string; orgWide?: boolean } = {},
): string {
  n += 1;
  return JSON.stringify({
    token: 'legacy',
    team_id: team,
    ...(o.enterprise ? { enterprise_id: o.enterprise } : {}),
    ...(o.orgWide ? { is_enterprise_install: true } : {}),
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `EvO${n}`,
    event_time: 1_700_000_000,
    authorizations: [
      {
        team_id: team,
        enterprise_id: o.enterprise ?? null,
        user_id: 'UBOT',
        is_bot: true,
        is_enterprise_install: o.orgWide ?? false,
      },
    ],
    event: { event_ts: `1700000500.00${n}`, ...event },
  });
}

/** A DM to the bot in `team`'s channel `channel`. */
export function dm(
  team: string,
  channel: string,
  text = 'llm sme trends',
  o: { enterprise?: string; orgWide?: boolean } = {},
): string {
  n += 1;
  return teamEvent(
    team,
    { type: 'message', channel, channel_type: 'im', user: `U${team}`, text, ts: `1700000600.00${n}` },
    o,
  );
}

/** A signed POST to the events path: JSON (events) by default, or a form (slash commands, button payloads). */
export async function postSigned(base: string, body: string, contentType = JSON_TYPE): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(body, timestamp),
    },
    body,
  });
  await res.text();
  return res.status;
}
