import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { registerSecret } from '../helpers/log-sink.js';

/** One Web API call as it reached the fake. */
export interface ApiCall {
  method: string;
  args: Record<string, any>;
  authorization: string | undefined;
  status: number;
  /** What the fake answered (ok / error). */
  result: Record<string, any>;
}

/** What the fake's oauth.v2.access hands out for one authorization code (issue 14). */
export interface Grant {
  team?: { id: string; name: string };
  enterprise?: { id: string; name: string };
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId?: string;
}

/** One POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, any>;
}

export interface Override {
  status?: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
const WAIT_MS = 5_000;

const registered = (secret: string) => (registerSecret(secret), secret);

/** Codes to grants: each bot token the fake will hand out is registered with the log scan. */
class GrantMap extends Map<string, Grant> {
  override set(code: string, grant: Grant): this {
    registerSecret(grant.botToken);
    return super.set(code, grant);
  }
}

/**
 * A local stand-in for Slack on 127.0.0.1: the Web API under /api/ (recording
 * every call), response_urls under /response/<id>, and a Socket Mode
 * WebSocket under /socket. Tests await recorded traffic through events, never
 * fixed sleeps; the wait timeout only turns a hang into a readable failure.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** Files posted to upload URLs (files.uploadV2), with their bytes. */
  readonly uploads: { fileId: string; bytes: Buffer }[] = [];
  readonly socketMessages: Record<string, any>[] = [];
  readonly users = new Map<string, Record<string, unknown>>();
  /** Channels the bot has not joined: chat.postMessage there fails with not_in_channel, as in Slack. */
  readonly notJoined = new Set<string>();
  readonly sockets: WebSocket[] = [];
  private readonly overrides = new Map<string, Override[]>();
  /** OAuth: codes not yet exchanged, and every bot token handed out (auth.test answers for its team). */
  readonly grants = new GrantMap();
  readonly issued = new Map<string, Grant>();
  /** The app's client credentials; oauth.v2.access refuses others, as Slack does. */
  client = { id: '111.222', secret: registered('fakeclientsecret0123') };
  private readonly emitter = new EventEmitter();
  private readonly wss = new WebSocketServer({ noServer: true });
  private ts = 1_700_000_000;
  private bearer: string | undefined;
  private port = 0;

  constructor(private readonly server: Server) {
    server.on('request', (req, res) => void this.route(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.sockets.push(ws);
        ws.on('message', (data) => {
          this.socketMessages.push(JSON.parse((data as Buffer).toString()) as Record<string, any>);
          this.emitter.emit('change');
        });
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
        this.emitter.emit('change');
      });
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  get socketUrl(): string {
    return `ws://127.0.0.1:${this.port}/socket`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next call(s) to `method` get these answers instead of the normal one. */
  failNext(method: string, ...overrides: Override[]): void {
    this.overrides.set(method, [...(this.overrides.get(method) ?? []), ...overrides]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first recorded call to `method` (answered ok unless `anyStatus`) matching `where`. */
  waitForCall(method: string, where: (c: ApiCall) => boolean = () => true): Promise<ApiCall> {
    return this.waitFor(`a ${method} call`, () =>
      this.calls.find((c) => c.method === method && c.result.ok === true && where(c)),
    );
  }

  waitForResponse(id: string, where: (r: ResponsePost) => boolean = () => true): Promise<ResponsePost> {
    return this.waitFor(`a POST to response_url ${id}`, () => this.responses.find((r) => r.id === id && where(r)));
  }

  waitForSocketMessage(where: (m: Record<string, any>) => boolean): Promise<Record<string, any>> {
    return this.waitFor('a Socket Mode message', () => this.socketMessages.find(where));
  }

  /** Sends one Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
  }

  waitFor<T>(what: string, find: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `fake Slack: timed out waiting for ${what}; calls: ${this.calls.map((c) => `${c.method}:${c.status}:${c.result.error ?? 'ok'}`).join(', ')}`,
          ),
        );
      }, WAIT_MS);
      const onChange = () => void check();
      const cleanup = () => {
        clearTimeout(timer);
        this.emitter.off('change', onChange);
      };
      this.emitter.on('change', onChange);
      check();
    });
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBytes(req);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/upload/')) {
      // files.uploadV2's second step: the file's bytes to the URL files.getUploadURLExternal gave.
      this.uploads.push({ fileId: url.pathname.slice('/upload/'.length), bytes });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK - uploaded');
      this.emitter.emit('change');
      return;
    }
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({
        id: url.pathname.slice('/response/'.length),
        body: JSON.parse(raw) as Record<string, any>,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      this.emitter.emit('change');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type']);
    this.bearer = req.headers.authorization?.replace(/^Bearer /, '');
    const override = this.overrides.get(method)?.shift();
    const status = override?.status ?? 200;
    const result =
      override?.body ?? (status === 200 ? this.answer(method, args) : { ok: false, error: `http_${status}` });
    this.calls.push({ method, args, authorization: req.headers.authorization, status, result });
    res.writeHead(status, { 'content-type': 'application/json', ...override?.headers }).end(JSON.stringify(result));
    this.emitter.emit('change');
  }

  private answer(method: string, args: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case 'auth.test': {
        const grant = this.issued.get(String(args.token ?? this.bearer));
        if (grant)
          return {
            ok: true,
            url: 'https://test.slack.com/',
            team_id: grant.team?.id,
            enterprise_id: grant.enterprise?.id,
            user_id: grant.botUserId ?? BOT_USER_ID,
            bot_id: `B${grant.botToken.slice(-4)}`,
          };
        return {
          ok: true,
          url: 'https://test.slack.com/',
          team: 'Test',
          user: 'career-bot',
          team_id: 'T1',
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      }
      case 'oauth.v2.access': {
        if (args.client_id !== this.client.id || args.client_secret !== this.client.secret)
          return { ok: false, error: 'invalid_client_id' };
        const grant = this.grants.get(String(args.code));
        // A code is good once, as at Slack.
        if (!grant) return { ok: false, error: 'invalid_code' };
        this.grants.delete(String(args.code));
        this.issued.set(grant.botToken, grant);
        return {
          ok: true,
          app_id: 'A1',
          authed_user: { id: 'UINSTALLER' },
          scope: 'app_mentions:read,chat:write,commands,im:history,users:read',
          token_type: 'bot',
          access_token: grant.botToken,
          bot_user_id: grant.botUserId ?? BOT_USER_ID,
          team: grant.team ?? null,
          enterprise: grant.enterprise ?? null,
          is_enterprise_install: grant.isEnterpriseInstall ?? false,
        };
      }
      case 'chat.postMessage':
        if (this.notJoined.has(String(args.channel))) return { ok: false, error: 'not_in_channel' };
        return { ok: true, channel: args.channel, ts: this.nextTs(), message: { text: args.text } };
      case 'views.publish':
        return { ok: true, view: { id: `V${this.nextTs()}`, ...args.view } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        return user ? { ok: true, user: { id: args.user, ...user } } : { ok: false, error: 'user_not_found' };
      }
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'files.getUploadURLExternal': {
        const id = `F${this.uploads.length + this.calls.length}`;
        return { ok: true, file_id: id, upload_url: `${this.apiUrl.replace(/\/api\/?$/, '')}/upload/${id}` };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (
            (typeof args.files === 'string' ? JSON.parse(args.files) : (args.files ?? [])) as { id: string }[]
          ).map((f) => ({ id: f.id })),
        };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private nextTs(): string {
    this.ts += 1;
    return `${this.ts}.000100`;
  }
}

export function startFakeSlack(): Promise<FakeSlack> {
  return new FakeSlack(createServer()).listen();
}

/** The WebClient sends form-encoded args with objects (blocks) as JSON strings. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, any>;
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
