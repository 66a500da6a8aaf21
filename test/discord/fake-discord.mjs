// A local fake of Discord for driving a real discord.js Client: the REST API
// (under /api/v10, as @discordjs/rest calls it) and the gateway WebSocket on
// the same 127.0.0.1 port. Plain ESM so bench/ can use it without a build.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';

export const APP_ID = '1100000000000000001';
export const BOT_USER = {
  id: APP_ID,
  username: 'career-bot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
  flags: 0,
};

let nextId = 1200000000000000000n;
/** A fresh snowflake-shaped id. */
export const snowflake = () => String(nextId++);

/** A Discord message object as the API returns and the gateway dispatches it; the bot is the author unless said otherwise. */
export function messageObject({
  channelId,
  author = BOT_USER,
  content = '',
  embeds = [],
  components = [],
  flags = 0,
  extra = {},
}) {
  return {
    id: snowflake(),
    channel_id: channelId,
    ...extra,
    author,
    content: content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: embeds ?? [],
    components: components ?? [],
    pinned: false,
    type: 0,
    flags: flags ?? 0,
  };
}

/**
 * @param {{ heartbeatInterval?: number }} [options]
 */
export async function startFakeDiscord(options = {}) {
  const heartbeatInterval = options.heartbeatInterval ?? 41_250;
  /** @type {import('./fake-discord.d.mts').RecordedRequest[]} */
  const requests = [];
  /** @type {{ method: string; path: RegExp; status: number; headers?: Record<string,string>; body?: unknown }[]} */
  const overrides = [];
  const waiters = new Set();
  const gatewayOps = [];
  const opWaiters = new Set();
  let socket = null;
  let seq = 0;
  /** Sharding (issue 14): what /gateway/bot recommends, the fewest shards IDENTIFY may ask for (4011 below), live shard sockets. */
  let recommendedShards = options.shards ?? 1;
  let requiredShards = 1;
  /** @type {Map<number, { ws: import('ws').WebSocket; count: number }>} */
  const shardSockets = new Map();
  const seqs = new WeakMap();
  /** Session id → the shard it identified as, so a RESUME takes the shard's place again. */
  const sessions = new Map();
  const holdShard = (ws, shardId, count) => {
    shardSockets.set(shardId, { ws, count });
    ws.once('close', () => {
      if (shardSockets.get(shardId)?.ws === ws) shardSockets.delete(shardId);
    });
  };
  /** Close code for the next IDENTIFY instead of READY (e.g. 4004, a rejected token). */
  let refuseIdentify = null;
  /** While set, READY answers to IDENTIFY and RESUMED answers to RESUME wait here (a gateway still connecting). */
  let heldReady = null;

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => void onEnd());
    const onEnd = async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body = null;
      /** Files of a multipart request (attachments), as discord.js sends them. */
      const files = [];
      if (String(req.headers['content-type']).startsWith('multipart/form-data')) {
        const form = await new Response(Buffer.concat(chunks), {
          headers: { 'content-type': req.headers['content-type'] },
        }).formData();
        for (const [key, value] of form) {
          if (typeof value === 'string') body = key === 'payload_json' ? JSON.parse(value) : body;
          else files.push({ field: key, name: value.name, bytes: Buffer.from(await value.arrayBuffer()) });
        }
      } else {
        try {
          body = raw ? JSON.parse(raw) : null;
        } catch {
          body = raw;
        }
      }
      const override = overrides.find((o) => o.method === req.method && o.path.test(path));
      if (override) overrides.splice(overrides.indexOf(override), 1);
      const record = {
        method: req.method ?? 'GET',
        path,
        query: url.search,
        headers: req.headers,
        body,
        files,
        at: performance.now(),
        status: override?.status ?? 200,
      };
      if (override) {
        res.writeHead(override.status, { 'content-type': 'application/json', ...override.headers });
        res.end(override.body === undefined ? '' : JSON.stringify(override.body));
      } else {
        const [status, payload] = route(record);
        record.status = status;
        if (status === 204) {
          res.writeHead(204);
          res.end();
        } else {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        }
      }
      requests.push(record);
      for (const w of [...waiters]) if (w.match(record)) w.done(record);
    };
  });

  const route = (r) => {
    if (r.method === 'GET' && r.path === '/gateway/bot') {
      return [
        200,
        {
          url: gatewayUrl,
          shards: recommendedShards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      ];
    }
    if (r.method === 'GET' && r.path === '/gateway') return [200, { url: gatewayUrl }];
    // An interaction callback is answered 204 with no body, as Discord does.
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) return [204, null];
    let m = /^\/webhooks\/(\d+)\/[^/]+\/messages\/@original$/.exec(r.path);
    if (m && r.method === 'PATCH') return [200, message(r.body, '0')];
    m = /^\/webhooks\/(\d+)\/[^/]+$/.exec(r.path);
    if (m && r.method === 'POST') return [200, message(r.body, '0')];
    m = /^\/channels\/(\d+)\/messages$/.exec(r.path);
    if (m && r.method === 'POST') return [200, message(r.body, m[1])];
    if (r.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(r.path)) {
      return [
        200,
        (Array.isArray(r.body) ? r.body : []).map((c) => ({
          id: snowflake(),
          application_id: APP_ID,
          version: snowflake(),
          ...c,
        })),
      ];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  };

  const message = (body, channelId) =>
    messageObject({
      channelId,
      content: body?.content,
      embeds: body?.embeds,
      components: body?.components,
      flags: body?.flags,
    });

  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    const send = (payload) => ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: heartbeatInterval }, s: null, t: null });
    ws.on('message', (data) => {
      // ws hands a text frame over as one Buffer.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      const payload = JSON.parse(String(data));
      gatewayOps.push(payload);
      for (const w of [...opWaiters]) if (w.op === payload.op) w.done(payload);
      if (payload.op === 1) send({ op: 11, d: null, s: null, t: null });
      if (payload.op === 2 && refuseIdentify !== null) {
        ws.close(refuseIdentify, 'fake refusal');
        refuseIdentify = null;
        return;
      }
      const [shardId, shardCount] = payload.d?.shard ?? [0, 1];
      if (payload.op === 2 && shardCount < requiredShards) {
        // As Discord does when a session would hold too many guilds.
        ws.close(4011, 'sharding required');
        return;
      }
      if (payload.op === 2) {
        socket = ws;
        seq = 0;
        seqs.set(ws, 1);
        const sessionId = `session-${snowflake()}`;
        sessions.set(sessionId, { shardId, count: shardCount });
        holdShard(ws, shardId, shardCount);
        const ready = {
          v: 10,
          user: BOT_USER,
          guilds: [],
          session_id: sessionId,
          resume_gateway_url: gatewayUrl,
          shard: payload.d.shard,
          application: { id: APP_ID, flags: 0 },
        };
        if (heldReady) heldReady.push(() => send({ op: 0, t: 'READY', s: ++seq, d: ready }));
        else send({ op: 0, t: 'READY', s: ++seq, d: ready });
      }
      if (payload.op === 6) {
        socket = ws;
        // A resumed session carries on as the shard it was, with its sequence.
        const session = sessions.get(payload.d?.session_id);
        if (session) holdShard(ws, session.shardId, session.count);
        const resumed = () => {
          const s = session ? Number(payload.d.seq ?? 0) + 1 : ++seq;
          if (session) seqs.set(ws, s);
          send({ op: 0, t: 'RESUMED', s, d: {} });
        };
        if (heldReady) heldReady.push(resumed);
        else resumed();
      }
    });
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  return {
    apiUrl,
    gatewayUrl,
    requests,
    gatewayOps,
    /** The next request matching `match` (or one already received), or a rejection after `timeoutMs`. */
    waitForRequest(match, timeoutMs = 10_000) {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return waitFor(waiters, { match }, timeoutMs, 'request');
    },
    /** Like waitForRequest, but only requests arriving from now on. */
    nextRequest(match, timeoutMs = 10_000) {
      return waitFor(waiters, { match }, timeoutMs, 'request');
    },
    /** The next gateway payload with opcode `op` sent by the client. */
    nextGatewayOp(op, timeoutMs = 10_000) {
      return waitFor(opWaiters, { op }, timeoutMs, `gateway op ${op}`);
    },
    /** Answers the next request matching method and path with this status, headers and body instead. */
    failNext(method, path, status, body, headers = {}) {
      overrides.push({ method, path, status, body, headers });
    },
    /** Sends a gateway dispatch (t, d) to the connected client. */
    dispatch(t, d) {
      if (!socket) throw new Error('no client has identified on the fake gateway');
      socket.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
    },
    /** Shards connected now: shard id → the shard count it identified with. */
    get shards() {
      return new Map([...shardSockets].map(([id, { count }]) => [id, count]));
    },
    /** What GET /gateway/bot recommends from now on. */
    recommendShards(n) {
      recommendedShards = n;
    },
    /** IDENTIFYs with fewer shards than `n` are closed with 4011 from now on. */
    requireShards(n) {
      requiredShards = n;
    },
    /** Sends a dispatch on the shard that holds `guildId`, as Discord routes it: (id >> 22) % count. */
    dispatchForGuild(guildId, t, d) {
      const count = [...shardSockets.values()][0]?.count ?? 1;
      const shard = Number((BigInt(guildId) >> 22n) % BigInt(count));
      const entry = shardSockets.get(shard);
      if (!entry) throw new Error(`fake discord: shard ${shard} of ${count} is not connected`);
      const s = (seqs.get(entry.ws) ?? 0) + 1;
      seqs.set(entry.ws, s);
      entry.ws.send(JSON.stringify({ op: 0, t, s, d }));
      return shard;
    },
    /** Closes one shard's connection with `code`. */
    dropShard(shard, code) {
      shardSockets.get(shard)?.ws.close(code, 'fake close');
    },
    /** Answers the next IDENTIFY by closing the connection with `code` (4004: authentication failed). */
    refuseNextIdentify(code) {
      refuseIdentify = code;
    },
    /** Holds READY and RESUMED back (the client stays connecting) until the returned function is called. */
    holdReady() {
      const held = (heldReady = []);
      return () => {
        heldReady = null;
        for (const send of held) send();
      };
    },
    /** Closes the gateway connection the way a dropped connection looks to the client. */
    dropGateway(code = 4000) {
      socket?.close(code, 'fake drop');
      socket = null;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
}

function waitFor(set, entry, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      set.delete(entry);
      reject(new Error(`fake discord: no ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    entry.done = (value) => {
      clearTimeout(timer);
      set.delete(entry);
      resolve(value);
    };
    set.add(entry);
  });
}
