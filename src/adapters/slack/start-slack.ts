import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, webApi, type AnyMiddlewareArgs, type Middleware } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../core/logger.js';
import { toBoltLogger } from './bolt-logger.js';
import { onButtons } from './on-buttons.js';
import { onCareerCommand } from './on-command.js';
import { onMessages } from './on-messages.js';
import type { OpsRoutes } from '../../ops/ops-routes.js';
import { createChartLinks, withChartUrls } from '../../charts/chart-links.js';
import { ignoreRepeatedEvents, type SharedEventClaims } from './repeat-deliveries.js';
import { EarlyAckReceiver } from './early-ack-receiver.js';
import { createReplayGuard } from './replay-guard.js';
import { answerNow, createAnswerTurns } from './guard.js';
import { classifySlackError } from './slack-errors.js';
import { webClientOptions } from './web-client-options.js';
import type { TipStore } from '../../store/tip-store.js';
import { onUninstall } from './oauth/on-uninstall.js';
import { onAppHome } from './on-app-home.js';
import { setupOAuth } from './oauth/oauth-mode.js';
import { scrubSecrets } from './oauth/scrub-secrets.js';

export const EVENTS_PATH = '/slack/events';

/** A running Slack adapter. */
export interface SlackAdapter {
  /** HTTP mode: the port the receiver listens on (useful with PORT=0); null in Socket Mode. */
  readonly port: number | null;
  readonly mode: 'http' | 'socket' | 'oauth';
  /** HTTP and OAuth mode: listening; Socket Mode: the WebSocket is open. */
  ready(): boolean;
  /** Stops the receiver or closes the socket; idempotent. */
  stop(): Promise<void>;
}

/**
 * Bolt hands listeners a WebClient per token (pooled); each is watched for
 * its `rate_limited` event the first time a request passes with it.
 */
function watchRateLimits(app: App, onRateLimited: () => void): Middleware<AnyMiddlewareArgs> {
  const watched = new WeakSet<webApi.WebClient>();
  const watch = (client: webApi.WebClient) => {
    if (watched.has(client)) return;
    watched.add(client);
    client.on(webApi.WebClientEvent.RATE_LIMITED, () => onRateLimited());
  };
  watch(app.client);
  return async ({ client, next }) => {
    watch(client);
    await next();
  };
}

/** Bolt keeps its Socket Mode receiver private; its client's socket is read from outside for readiness. */
type WithSocket = { receiver?: { client?: { websocket?: { readyState?: number } } } };
const WS_OPEN = 1;

/**
 * Starts Slack: Socket Mode when SLACK_APP_TOKEN is set, otherwise an HTTP
 * receiver (EarlyAckReceiver, built from Bolt's request functions) on PORT at
 * /slack/events, verifying SLACK_SIGNING_SECRET. The bot
 * token is checked (auth.test) before anything listens, so a bad token fails
 * start-up rather than the first question.
 */
export async function startSlack(o: {
  bot: Bot;
  config: Config;
  logger: Logger;
  /** HTTP mode: /healthz, /readyz, /metrics on the receiver's port. */
  routes?: OpsRoutes;
  /** Event ids claimed in the shared store, so replicas answer a retried event once. */
  sharedEvents?: SharedEventClaims;
  /** Told of every 429 a Web API client of this app meets (metrics). */
  onRateLimited?: () => void;
  /** OAuth mode: the bot's store, where installations are kept. */
  store?: TipStore;
}): Promise<SlackAdapter> {
  const { config } = o;
  // OAuth mode (many workspaces) is HTTP mode with a token per workspace and the install pages.
  const mode = config.slack === 'oauth' ? 'oauth' : config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const token = config.SLACK_BOT_TOKEN;
  if (!token && mode !== 'oauth') throw new Error('SLACK_BOT_TOKEN is required to start Slack');
  const signingSecret = config.SLACK_SIGNING_SECRET;
  if (mode !== 'socket' && !signingSecret)
    throw new Error(
      'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required with SLACK_BOT_TOKEN',
    );
  const logger = o.logger.child({ component: 'slack', mode });

  // Secrets are scrubbed from every library line (the WebClient's debug lines print request bodies).
  const secrets = [
    config.SLACK_BOT_TOKEN,
    config.SLACK_APP_TOKEN,
    config.SLACK_SIGNING_SECRET,
    config.SLACK_CLIENT_SECRET,
    config.SLACK_STATE_SECRET,
    config.TOKEN_ENCRYPTION_KEY,
  ];
  const boltLogger = scrubSecrets(toBoltLogger(logger.child({ lib: 'bolt' })), secrets);
  const oauth = mode === 'oauth' ? setupOAuth({ config, store: o.store, boltLogger, logger }) : undefined;
  // A wrong TOKEN_ENCRYPTION_KEY would leave every workspace unanswered with only a warning per event: refuse instead.
  if (oauth) await oauth.installations.checkKey();
  // HTTP mode: the receiver acknowledges and then queues Bolt's dispatch behind
  // other requests' acknowledgements, so listeners have nothing left to wait
  // for. Socket Mode: Bolt's own receiver, and listeners wait after ack().
  const answerTurns = createAnswerTurns();
  // Pay charts as image blocks need a public HTTPS address and our own server (HTTP mode); else they are uploaded.
  const links =
    mode !== 'socket' && config.PUBLIC_URL
      ? createChartLinks({ publicUrl: config.PUBLIC_URL, secret: config.FEEDBACK_SECRET, content: () => o.bot.content })
      : undefined;
  const opsRoutes = o.routes;
  const routes: OpsRoutes | undefined = links
    ? (req, res) => links.route(req, res) || (opsRoutes?.(req, res) ?? false)
    : opsRoutes;
  // A signed request replayed (here or on a replica sharing the store) is acknowledged and not acted on.
  const replays = createReplayGuard({ logger, ...(o.sharedEvents ? { shared: o.sharedEvents } : {}) });
  const receiver =
    mode !== 'socket' && signingSecret
      ? new EarlyAckReceiver({
          signingSecret,
          path: EVENTS_PATH,
          logger: boltLogger,
          afterAcks: answerTurns,
          replays,
          ...(routes ? { routes } : {}),
          ...(oauth ? { installRoutes: oauth.routes } : {}),
        })
      : undefined;
  const app = new App({
    ...(oauth ? { authorize: oauth.authorize } : { token }),
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.SLACK_APP_TOKEN }),
    logger: boltLogger,
    clientOptions: webClientOptions(config.SLACK_API_URL),
    // No conversation state: every answer stands alone.
    convoStore: false,
    deferInitialization: true,
  });

  const deps = {
    bot: links ? withChartUrls(o.bot, links) : o.bot,
    config,
    logger,
    afterAcks: receiver ? answerNow : answerTurns,
  };
  if (o.onRateLimited) app.use(watchRateLimits(app, o.onRateLimited));
  // Slack re-sends an event whose ack was lost or late: answer it once.
  app.use(ignoreRepeatedEvents({ logger, ...(o.sharedEvents ? { shared: o.sharedEvents } : {}) }));
  onCareerCommand(app, deps);
  onMessages(app, deps);
  onButtons(app, deps);
  onAppHome(app, { ...deps, ...(o.store ? { store: o.store } : {}), manyWorkspaces: Boolean(oauth) });
  if (oauth && o.store) onUninstall(app, { store: o.store, installations: oauth.installations, logger });
  // The last net: anything a listener did not handle is logged, never thrown.
  app.error((error) => {
    // OAuth mode: an event from a workspace with no installation (never installed, or uninstalled)
    // is expected, not a fault.
    if (oauth && error.code === 'slack_bolt_authorization_error') {
      logger.warn(
        { reason: (error.original ?? error).message },
        'slack: event from a workspace without an installation; not answered',
      );
    } else {
      logger.error(
        { err: error, code: error.code, slack: classifySlackError(error.original ?? error).code },
        'slack: unhandled error in Bolt',
      );
    }
    return Promise.resolve();
  });

  await app.init();
  const started = await app.start(...(mode !== 'socket' ? [config.PORT] : []));
  const port = mode !== 'socket' ? (((started as Server).address() as AddressInfo | null)?.port ?? null) : null;
  logger.info({ port, path: mode !== 'socket' ? EVENTS_PATH : undefined }, 'slack: started');

  let stopping: Promise<void> | undefined;
  return {
    port,
    mode,
    ready: () =>
      !stopping &&
      (mode !== 'socket'
        ? (started as Server).listening
        : (app as unknown as WithSocket).receiver?.client?.websocket?.readyState === WS_OPEN),
    stop: () =>
      (stopping ??= (async () => {
        try {
          await app.stop();
          logger.info({}, 'slack: stopped');
        } catch (err) {
          logger.warn({ err }, 'slack: error while stopping');
        }
      })()),
  };
}
