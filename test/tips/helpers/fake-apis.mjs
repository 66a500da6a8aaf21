// A local fake of the two posting endpoints the weekly tips use: Slack's
// chat.postMessage (under /slack/api/) and Discord's create-message (under
// /discord/api/v10/). It enforces per-channel and global rate limits with
// 429s the way the platforms answer them, and can fail chosen channels: also
// after storing the message (a 500, a late answer, a reset), the cases where
// a client cannot know whether it posted. Discord's nonce + enforce_nonce is
// honoured: a repeat returns the first message instead of a new one.
// Plain ESM so bench/tips-fanout.bench.mjs can use it without a build.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * @param {import('./fake-apis.d.mts').FakeApiOptions} [options]
 * @returns {Promise<import('./fake-apis.d.mts').FakeApis>}
 */
export async function startFakeApis(options = {}) {
  const keepBodies = options.keepBodies ?? true;
  const latencyMs = options.latencyMs ?? 0;
  const limits = {
    slack: {
      globalPerSecond: options.slack?.globalPerSecond ?? Infinity,
      perChannel: options.slack?.perChannel ?? { count: 1, windowMs: 1000 },
    },
    discord: {
      globalPerSecond: options.discord?.globalPerSecond ?? 50,
      perChannel: options.discord?.perChannel ?? { count: 5, windowMs: 5000 },
    },
  };
  /** @type {import('./fake-apis.d.mts').RecordedPost[]} */
  const posts = [];
  const delivered = { slack: new Map(), discord: new Map() };
  const rateLimited = { slack: 0, discord: 0 };
  const globalWindow = { slack: [], discord: [] };
  const channelWindow = { slack: new Map(), discord: new Map() };
  /** @type {Map<string, string[]>} */
  const failures = new Map();
  /** @type {Set<string>} platforms whose token is refused */
  const refusedTokens = new Set();
  /** Discord messages by `channel|nonce`, for enforce_nonce. */
  const byNonce = new Map();
  const deduplicated = { slack: 0, discord: 0 };
  /** @type {Set<import('node:http').ServerResponse>} answers held back on purpose */
  const late = new Set();
  let nextId = 1_300_000_000_000_000_000n;
  let waiters = [];

  const underLimit = (times, count, windowMs, now) => {
    while (times.length && times[0] <= now - windowMs) times.shift();
    return times.length < count ? 0 : times[0] + windowMs - now;
  };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    // The handler waits out the latency; its promise is not the 'end' listener's to return.
    req.on('end', () => void respond(req, res, chunks));
  });

  async function respond(req, res, chunks) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = Buffer.concat(chunks).toString('utf8');
    let platform = null;
    let channel = null;
    let body = null;
    if (req.method === 'POST' && url.pathname === '/slack/api/chat.postMessage') {
      platform = 'slack';
      body = String(req.headers['content-type']).includes('json')
        ? JSON.parse(raw)
        : Object.fromEntries(new URLSearchParams(raw));
      channel = body.channel;
    } else {
      const m = /^\/discord\/api\/v\d+\/channels\/([^/]+)\/messages$/.exec(url.pathname);
      if (req.method === 'POST' && m) {
        platform = 'discord';
        channel = m[1];
        body = raw ? JSON.parse(raw) : null;
      }
    }
    if (!platform) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: false, error: 'unknown_method', message: '404: Not Found', code: 0 }));
    }
    const answer = decide(platform, channel, body);
    const record = {
      platform,
      channel,
      status: answer.status,
      outcome: answer.outcome,
      at: performance.now(),
      ...(keepBodies ? { body } : {}),
    };
    posts.push(record);
    for (const w of waiters) w();
    if (answer.after === 'reset') return req.socket.destroy();
    // Limits are counted on arrival, as the platform does; the latency is the trip back.
    const delay = answer.after === 'late' ? (options.lateMs ?? 2_000) : latencyMs;
    if (delay) {
      late.add(res);
      await new Promise((r) => setTimeout(r, delay));
      late.delete(res);
      if (res.destroyed) return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
    for (const w of waiters) w();
  }

  function decide(platform, channel, body) {
    const now = performance.now();
    if (refusedTokens.has(platform)) return tokenRefused(platform);
    const queued = failures.get(`${platform}:${channel}`);
    const forced = queued?.shift();
    if (forced === 'permanent') return permanent(platform);
    if (forced === 'transient') return transient(platform);
    if (forced === 'refused') return refused(platform);
    const nonceKey =
      platform === 'discord' && body?.enforce_nonce && body?.nonce !== undefined ? `${channel}|${body.nonce}` : null;
    if (nonceKey && byNonce.has(nonceKey)) {
      deduplicated.discord += 1;
      return { ...byNonce.get(nonceKey), outcome: 'deduplicated' };
    }
    const perChannel = channelWindow[platform].get(channel) ?? [];
    channelWindow[platform].set(channel, perChannel);
    const { count, windowMs } = limits[platform].perChannel;
    const channelWait = forced === '429' ? 1000 : underLimit(perChannel, count, windowMs, now);
    if (channelWait > 0) return limited(platform, channelWait, false);
    const globalWait = underLimit(globalWindow[platform], limits[platform].globalPerSecond, 1000, now);
    if (globalWait > 0) return limited(platform, globalWait, true);
    perChannel.push(now);
    globalWindow[platform].push(now);
    delivered[platform].set(channel, (delivered[platform].get(channel) ?? 0) + 1);
    const id = String(nextId++);
    let answer;
    if (platform === 'slack')
      answer = {
        status: 200,
        outcome: 'ok',
        headers: {},
        body: { ok: true, channel, ts: `${id.slice(0, 10)}.${id.slice(10, 16)}` },
      };
    else {
      answer = {
        status: 200,
        outcome: 'ok',
        headers: {
          'x-ratelimit-limit': String(count),
          'x-ratelimit-remaining': String(count - perChannel.length),
          'x-ratelimit-reset-after': String(windowMs / 1000),
          'x-ratelimit-reset': String((Date.now() + windowMs) / 1000),
          'x-ratelimit-bucket': `channel-${channel}`,
        },
        body: {
          id,
          channel_id: channel,
          content: '',
          type: 0,
          embeds: [],
          components: [],
          attachments: [],
          mentions: [],
          mention_roles: [],
          pinned: false,
          tts: false,
          mention_everyone: false,
          timestamp: new Date().toISOString(),
          edited_timestamp: null,
          flags: 0,
          author: { id: '1', username: 'career-bot', discriminator: '0', avatar: null, bot: true },
          ...(body?.nonce !== undefined ? { nonce: body.nonce } : {}),
        },
      };
      if (nonceKey) byNonce.set(nonceKey, answer);
    }
    // Stored, and then the answer goes wrong: the client cannot tell it posted.
    if (forced === 'deliver-then-500') return { ...transient(platform), outcome: 'delivered-then-500' };
    if (forced === 'deliver-then-late') return { ...answer, outcome: 'delivered-then-late', after: 'late' };
    if (forced === 'deliver-then-reset') return { ...answer, outcome: 'delivered-then-reset', after: 'reset' };
    return answer;
  }

  function tokenRefused(platform) {
    if (platform === 'slack')
      return { status: 200, outcome: 'token-refused', headers: {}, body: { ok: false, error: 'invalid_auth' } };
    return { status: 401, outcome: 'token-refused', headers: {}, body: { message: '401: Unauthorized', code: 0 } };
  }

  /** A refusal that stores nothing and may pass: worth retrying later. */
  function refused(platform) {
    if (platform === 'slack')
      return { status: 200, outcome: 'refused', headers: {}, body: { ok: false, error: 'service_unavailable' } };
    return { status: 400, outcome: 'refused', headers: {}, body: { message: 'Invalid Form Body', code: 50035 } };
  }

  function limited(platform, waitMs, global) {
    rateLimited[platform] += 1;
    const seconds = Math.max(waitMs, 1) / 1000;
    if (platform === 'slack')
      return {
        status: 429,
        outcome: '429',
        headers: { 'retry-after': String(Math.ceil(seconds)) },
        body: { ok: false, error: 'ratelimited' },
      };
    return {
      status: 429,
      outcome: '429',
      headers: {
        'retry-after': String(Math.ceil(seconds)),
        ...(global
          ? { 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' }
          : {
              'x-ratelimit-limit': '5',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset-after': String(seconds),
              'x-ratelimit-reset': String(Date.now() / 1000 + seconds),
              'x-ratelimit-bucket': 'fake-bucket',
              'x-ratelimit-scope': 'user',
            }),
      },
      body: { message: 'You are being rate limited.', retry_after: seconds, global },
    };
  }

  function permanent(platform) {
    if (platform === 'slack')
      return { status: 200, outcome: 'permanent', headers: {}, body: { ok: false, error: 'channel_not_found' } };
    return { status: 404, outcome: 'permanent', headers: {}, body: { message: 'Unknown Channel', code: 10003 } };
  }

  function transient(platform) {
    if (platform === 'slack')
      return { status: 500, outcome: 'transient', headers: {}, body: { ok: false, error: 'internal_error' } };
    return { status: 500, outcome: 'transient', headers: {}, body: { message: '500: Internal Server Error', code: 0 } };
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const base = `http://127.0.0.1:${port}`;

  return {
    slackApiUrl: `${base}/slack/api/`,
    discordApiUrl: `${base}/discord/api`,
    posts,
    delivered,
    rateLimited,
    deduplicated,
    refuseToken(platform, refuse = true) {
      if (refuse) refusedTokens.add(platform);
      else refusedTokens.delete(platform);
    },
    failNext(platform, channel, kind, times = 1) {
      const key = `${platform}:${channel}`;
      failures.set(key, [...(failures.get(key) ?? []), ...Array(times).fill(kind)]);
    },
    waitFor(predicate, timeoutMs = 10_000) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake APIs: condition not met in time')), timeoutMs);
        const check = () => {
          if (!predicate()) return;
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== check);
          resolve();
        };
        waiters.push(check);
      });
    },
    async close() {
      for (const res of late) res.destroy();
      server.closeAllConnections?.();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}
