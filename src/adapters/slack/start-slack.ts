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
import { ignoreRepeatedEvents, type SharedEventClaims } from './repeat-deliveries.js';
import { EarlyAckReceiver } from './early-ack-receiver.js';
import { createReplayGuard } from './replay-guard.js';
import { answerNow, createAnswerTurns } from './guard.js';
import { classifySlackError } from './slack-errors.js';
import { webClientOptions } from './web-client-options.js';

export const EVENTS_PATH = '/slack/events';

/** A running Slack adapter. */
export interface SlackAdapter {
  /** HTTP mode: the port the receiver listens on (useful with PORT=0); null in Socket Mode. */
  readonly port: number | null;
  readonly mode: 'http' | 'socket';
  /** HTTP mode: listening; Socket Mode: the WebSocket is open. */
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
}): Promise<SlackAdapter> {
  const { config } = o;
  const mode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN is required to start Slack');
  const signingSecret = config.SLACK_SIGNING_SECRET;
  if (mode === 'http' && !signingSecret) throw new Error('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required with SLACK_BOT_TOKEN');
  const logger = o.logger.child({ component: 'slack', mode });

  const boltLogger = toBoltLogger(logger.child({ lib: 'bolt' }));
  // HTTP mode: the receiver acknowledges and then queues Bolt's dispatch behind
  // other requests' acknowledgements, so listeners have nothing left to wait
  // for. Socket Mode: Bolt's own receiver, and listeners wait after ack().
  const answerTurns = createAnswerTurns();
  // A signed request replayed (here or on a replica sharing the store) is acknowledged and not acted on.
  const replays = createReplayGuard({ logger, ...(o.sharedEvents ? { shared: o.sharedEvents } : {}) });
  const receiver =
    mode === 'http' && signingSecret
      ? new EarlyAckReceiver({ signingSecret, path: EVENTS_PATH, logger: boltLogger, afterAcks: answerTurns, replays, ...(o.routes ? { routes: o.routes } : {}) })
      : undefined;
  const app = new App({
    token,
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.SLACK_APP_TOKEN }),
    logger: boltLogger,
    clientOptions: webClientOptions(config.SLACK_API_URL),
    // No conversation state: every answer stands alone.
    convoStore: false,
    deferInitialization: true,
  });

  const deps = { bot: o.bot, config, logger, afterAcks: receiver ? answerNow : answerTurns };
  if (o.onRateLimited) app.use(watchRateLimits(app, o.onRateLimited));
  // Slack re-sends an event whose ack was lost or late: answer it once.
  app.use(ignoreRepeatedEvents({ logger, ...(o.sharedEvents ? { shared: o.sharedEvents } : {}) }));
  onCareerCommand(app, deps);
  onMessages(app, deps);
  onButtons(app, deps);
  // The last net: anything a listener did not handle is logged, never thrown.
  app.error(async (error) => {
    logger.error({ err: error, code: error.code, slack: classifySlackError(error.original ?? error).code }, 'slack: unhandled error in Bolt');
  });

  await app.init();
  const started = await app.start(...(mode === 'http' ? [config.PORT] : []));
  const port = mode === 'http' ? ((started as Server).address() as AddressInfo | null)?.port ?? null : null;
  logger.info({ port, path: mode === 'http' ? EVENTS_PATH : undefined }, 'slack: started');

  let stopping: Promise<void> | undefined;
  return {
    port,
    mode,
    ready: () => !stopping && (mode === 'http' ? (started as Server).listening : (app as unknown as WithSocket).receiver?.client?.websocket?.readyState === WS_OPEN),
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
