import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  HTTPModuleFunctions as slackHttp,
  HTTPResponseAck,
  type App,
  type Logger as BoltLogger,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { OpsRoutes } from '../../ops/ops-routes.js';
import { listenError } from '../../ops/startup-errors.js';
import type { AfterAcks } from './guard.js';
// ---- issue 12: overload, replays, slow clients ----
import { Backlog } from './backlog.js';
import { futureTimestamp, replayKeys, type ReplayGuard } from './replay-guard.js';
import { MAX_CONNECTIONS, SERVER_OPTIONS } from './server-limits.js';
import { createShedder } from './shed.js';
// ----

export interface EarlyAckReceiverOptions {
  signingSecret: string;
  /** The one path Slack posts to, e.g. /slack/events. */
  path: string;
  logger: BoltLogger;
  /** Awaited between a request's acknowledgement and handing it to Bolt. */
  afterAcks: AfterAcks;
  /** Probes and metrics served on the same port, ahead of Slack's path. */
  routes?: OpsRoutes;
  /** OAuth install pages (issue 14) on the same server; true when it answered the request. */
  installRoutes?: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;
  /**
   * The bound on acknowledged-but-unanswered requests (default:
   * BACKLOG_MAX_REQUESTS, BACKLOG_MAX_BYTES, BACKLOG_MAX_AGE_MS).
   */
  backlog?: Backlog;
  /** Refuses signed requests seen before; without it, none are refused. */
  replays?: ReplayGuard;
  now?: () => number;
}

type Body = ReceiverEvent['body'];

/** `payload=null`, `[]` or `"x"` parse; only an object is a Slack payload. */
function isPayload(parsed: unknown): parsed is Body {
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
}

/**
 * Payloads this bot always acknowledges with an empty 200: slash commands and
 * button presses (our listeners ack with no body, then answer through
 * response_url or the Web API), and Events API callbacks (Bolt acks those
 * itself, with no body). Anything else (a view submission, an options
 * request) could need a body in its ack, so it takes Bolt's usual road.
 */
export function acksEmpty(body: Body): boolean {
  return typeof body.command === 'string' || body.type === 'block_actions' || body.type === 'event_callback';
}

/**
 * Bolt's HTTP receiver for Slack's request URL, built from Bolt's own request
 * functions (body limit, signature and timestamp check, body parsing,
 * ssl_check and url_verification answers), with one change of order: for
 * payloads whose acknowledgement is always empty (see `acksEmpty`) it sends
 * the 200 as soon as the signature checks out, and hands the event to Bolt
 * (authorisation, middleware, listeners) only after `afterAcks`.
 *
 * Why: Bolt's HTTPReceiver acknowledges from inside the listener, so every
 * request runs Bolt's whole dispatch before its 200 is written. Under 200
 * concurrent slash commands on a 2-core machine that dispatch, not the
 * network, set the p99 acknowledgement latency (about 0.1 ms each, queued
 * one behind another; `npm run bench -- slack`). Acknowledging first takes it
 * off the path Slack's 3-second deadline measures; the listener's ack()
 * becomes a no-op because the request is already answered.
 *
 * What changes for the rare cases: a slash command no listener handles is
 * acknowledged (Bolt would answer 404 after 3 s), and an error in Bolt's
 * dispatch is logged rather than turned into an HTTP status.
 */
export class EarlyAckReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  /** Requests not yet through Bolt, acknowledged or not: stop() lets them finish. */
  private readonly inFlight = new Set<Promise<void>>();
  private readonly backlog: Backlog;
  private readonly shed: ReturnType<typeof createShedder>;
  private readonly now: () => number;
  /** Set by stop(): requests still arriving on open connections are told busy, and their connections closed. */
  private stopping = false;

  constructor(private readonly o: EarlyAckReceiverOptions) {
    this.backlog = o.backlog ?? new Backlog();
    this.now = o.now ?? Date.now;
    this.shed = createShedder(o.logger, this.now);
  }

  init(app: App): void {
    this.app = app;
  }

  /** Listens on `port` (0: any free port); resolves with the server once listening. */
  start(port: number): Promise<Server> {
    if (this.server) return Promise.reject(new Error('the Slack receiver is already listening'));
    const server = createServer(SERVER_OPTIONS, (req, res) => {
      const handled = this.handle(req, res)
        .catch((err: unknown) => {
          this.o.logger.error('slack: receiver failed on a request', err);
          if (!res.headersSent) slackHttp.buildNoBodyResponse(res, 500);
        })
        .finally(() => this.inFlight.delete(handled));
      this.inFlight.add(handled);
    });
    server.maxConnections = MAX_CONNECTIONS;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (err) => {
        this.server = undefined;
        reject(listenError(err, port));
      });
      server.listen(port, () => {
        server.removeAllListeners('error');
        server.on('error', (err) => this.o.logger.error('slack: receiver server error', err));
        resolve(server);
      });
    });
  }

  /**
   * Stops accepting and closes idle keep-alive connections, then waits for
   * every request already received to get through Bolt (answers included), so
   * nothing acknowledged reaches a store that the caller closes next. The
   * backlog's bound is what makes that wait short. Requests that still come
   * on open connections meanwhile are told busy with `Connection: close`;
   * whatever connection remains (a slow client mid-headers) is cut after
   * STOP_GRACE_MS.
   */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    this.stopping = true;
    const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    server.closeIdleConnections();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.backlog.drained();
    server.closeIdleConnections();
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise<void>((resolve) => (grace = setTimeout(resolve, STOP_GRACE_MS)))]);
    clearTimeout(grace);
    server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.stopping) res.setHeader('connection', 'close');
    if (this.o.routes?.(req, res)) return;
    // As Bolt's receiver reads it, so an absolute-form request line (some proxies) matches too.
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (this.o.installRoutes && (await this.o.installRoutes(req, res, path))) return;
    if (req.method?.toUpperCase() !== 'POST' || path !== this.o.path) {
      slackHttp.buildNoBodyResponse(res, 404);
      return;
    }
    const future = futureTimestamp(req.headers['x-slack-request-timestamp'], this.now());
    if (future) {
      this.o.logger.warn(`slack: request refused, ${future}`);
      slackHttp.buildNoBodyResponse(res, 401);
      return;
    }
    let buffered: Awaited<ReturnType<typeof slackHttp.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await slackHttp.parseAndVerifyHTTPRequest(
        { enabled: true, signingSecret: this.o.signingSecret, bodyLimit: slackHttp.defaultBodyLimit },
        req,
      );
    } catch (err) {
      if (slackHttp.isRawBodyError(err) && (err.type === 'entity.too.large' || err.statusCode === 413)) {
        this.o.logger.warn(`slack: request body over ${slackHttp.defaultBodyLimit} bytes refused`);
        slackHttp.buildNoBodyResponse(res, 413);
        return;
      }
      this.o.logger.warn(`slack: request refused, ${(err as Error).message}`);
      slackHttp.buildNoBodyResponse(res, 401);
      return;
    }
    let body: Body;
    try {
      const parsed: unknown = slackHttp.parseHTTPRequestBody(buffered);
      if (!isPayload(parsed)) throw new Error('the payload is not a JSON object');
      body = parsed;
    } catch (err) {
      this.o.logger.warn(`slack: malformed request body, ${(err as Error).message}`);
      slackHttp.buildNoBodyResponse(res, 400);
      return;
    }
    if (body.ssl_check === '1') return slackHttp.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return slackHttp.buildUrlVerificationResponse(res, body);

    const event = {
      body,
      retryNum: slackHttp.extractRetryNumFromHTTPRequest(req),
      retryReason: slackHttp.extractRetryReasonFromHTTPRequest(req),
      customProperties: {},
    };
    if (acksEmpty(body)) {
      const keys = replayKeys(req.headers['x-slack-signature'], body);
      // A replay is acknowledged like anything else (it learns nothing), and not acted on.
      if (this.o.replays && !this.o.replays.firstHere(keys)) return slackHttp.buildNoBodyResponse(res, 200);
      const leave = this.stopping ? null : this.backlog.enter(buffered.rawBody.length);
      if (!leave)
        return this.shed(
          body,
          res,
          this.stopping
            ? 'stopping'
            : `backlog full (${this.backlog.size.requests} requests acknowledged and not yet answered, ` +
                `the oldest ${Math.round(this.backlog.size.oldestMs)} ms ago)`,
        );
      try {
        slackHttp.buildNoBodyResponse(res, 200);
        await this.o.afterAcks();
        if (this.o.replays && !(await this.o.replays.firstAnywhere(keys))) return;
        await this.dispatch({ ...event, ack: async () => {} });
      } finally {
        leave();
      }
      return;
    }
    const ack = new HTTPResponseAck({
      logger: this.o.logger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await this.bolt().processEvent({ ...event, ack: ack.bind() });
    } catch (err) {
      // Not yet acknowledged, perhaps: answer with a status as Bolt's receiver does (500, 401 for authorisation).
      await slackHttp.defaultProcessEventErrorHandler({
        error: err as Error,
        logger: this.o.logger,
        request: req,
        response: res,
        // Bolt types the stored response `any`; it is passed through untouched.
        storedResponse: ack.storedResponse as unknown,
      });
      // Answered now, one way or the other: the 3-second "never acknowledged" timer must not write again.
      if (res.headersSent) ack.ack();
    }
  }

  private async dispatch(event: ReceiverEvent): Promise<void> {
    try {
      await this.bolt().processEvent(event);
    } catch (err) {
      // The request is already acknowledged; the log is where this goes.
      this.o.logger.error('slack: Bolt could not process an event', err);
    }
  }

  private bolt(): App {
    if (!this.app) throw new Error('the Slack receiver was started before Bolt initialised it');
    return this.app;
  }
}

/** How long stop() lets open connections finish after the backlog is answered, before cutting them. */
export const STOP_GRACE_MS = 2_000;
