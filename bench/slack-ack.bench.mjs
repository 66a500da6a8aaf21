#!/usr/bin/env node
// Acknowledgement latency of `/career` in Slack's HTTP mode.
//
// The bot process runs the real Bolt receiver from dist/ (build first: npx tsc
// -p tsconfig.build.json) on its main thread, alone, as in production. A
// second process plays Slack: a fake Web API and response_url sink on
// 127.0.0.1, and a load generator that fires rounds of N concurrent, correctly
// signed slash commands over N kept-alive connections. Latency runs from
// writing a request to reading the end of its 200 response, the span Slack's
// 3-second deadline measures. Every answer must reach its response_url before
// the next round starts, so answers are counted but never skipped.
//
// Two load generators, so the harness's own cost can be told apart from the
// bot's:
//   raw   (default) requests are built and signed before the round, then
//         written straight to sockets; the response is read with a minimal
//         HTTP/1.1 parser. Like wrk: the generator costs microseconds per
//         request, as Slack's many senders would.
//   http  node:http's client, one http.request per command, signed as it
//         goes. Its per-request cost lands in every latency, because the
//         generator cannot read the first response until it has sent the
//         last request.
//
// METRICS=on: the bot as start-up builds it for production, answers counted
// (career_bot_answers_total, the duration histogram) and /metrics served on
// the same port, scraped every second during the run; off (default): the
// adapter alone. bench/metrics-cost.bench.mjs runs both in one go.
//
// Usage: node bench/slack-ack.bench.mjs [concurrency=200] [rounds=20] [raw|http]
// (WARM_UP_ROUNDS=10 by default: rounds run and discarded first; the first is printed.)
import { fork } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { SECRET, signedCareerCommand } from './helpers/slack-command.mjs';

// A bot runs for days; what it does in its first second, before V8 has compiled
// the hot paths, is not its latency. Discarded rounds let the JIT settle.
const WARM_UP_ROUNDS = Number(process.env.WARM_UP_ROUNDS ?? 10);

if (process.env.BENCH_ROLE === 'slack') await playSlack();
else await runBot();

async function runBot() {
  const concurrency = Number(process.argv[2] ?? 200);
  const rounds = Number(process.argv[3] ?? 20);
  const client = process.argv[4] ?? 'raw';
  const { startSlack } = await import('../dist/adapters/slack/start-slack.js');
  const { parseConfig } = await import('../dist/config.js');
  const { createBot } = await import('../dist/core/bot.js');
  const { slackSurface } = await import('../dist/adapters/slack/slack-surface.js');
  const { loadContent } = await import('../dist/core/content/load-content.js');
  const { createLogger } = await import('../dist/create-logger.js');

  const slackSide = fork(new URL(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'slack' }, execArgv: [] });
  const next = () => new Promise((resolve) => slackSide.once('message', resolve));
  const { fakePort } = await next();

  const loaded = loadContent(new URL('../content', import.meta.url).pathname);
  if (!loaded.ok) throw new Error('content does not load');
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `http://127.0.0.1:${fakePort}/api/`,
    PORT: '0',
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  // Production log level, written nowhere: the cost of logging counts, the terminal stays clean.
  const logger = createLogger('info', new Writable({ write: (_c, _e, done) => done() }));
  const withMetrics = process.env.METRICS === 'on';
  let bot = createBot({ content: loaded.content, logger, surface: slackSurface });
  let routes;
  if (withMetrics) {
    const { createOps } = await import('../dist/ops/create-ops.js');
    const { measureBot } = await import('../dist/ops/measured-bot.js');
    const ops = createOps(true);
    bot = measureBot(bot, ops.metrics).bot;
    routes = ops.routes;
  }
  const slack = await startSlack({ bot, config: parsed.config, logger, ...(routes ? { routes } : {}) });
  // As Prometheus would: a scrape every second while the load runs.
  const scraper = withMetrics
    ? setInterval(
        () =>
          void fetch(`http://127.0.0.1:${slack.port}/metrics`)
            .then((r) => r.text())
            .catch(() => undefined),
        1000,
      )
    : undefined;

  slackSide.send({ slackPort: slack.port, concurrency, rounds, client });
  const report = await next();
  for (const line of report.lines) console.log(line);
  clearInterval(scraper);
  await slack.stop();
  slackSide.disconnect();
}

async function playSlack() {
  let answered = 0;
  let onAnswer = () => {};
  const fake = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url.startsWith('/response/')) {
        answered += 1;
        onAnswer();
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }
      const body =
        req.url === '/api/auth.test'
          ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }
          : { ok: false, error: 'unknown_method' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise((r) => fake.listen(0, '127.0.0.1', r));
  const fakePort = fake.address().port;
  process.send({ fakePort });
  const { slackPort, concurrency, rounds, client } = await new Promise((resolve) => process.once('message', resolve));

  let counter = 0;
  const signed = () => signedCareerCommand((counter += 1), fakePort);
  const generator =
    client === 'http'
      ? httpGenerator(slackPort, concurrency, signed)
      : await rawGenerator(slackPort, concurrency, signed);

  const round = async () => {
    const before = answered;
    const latencies = await generator.fire();
    await new Promise((resolve) => {
      onAnswer = () => answered - before >= concurrency && resolve();
      onAnswer();
    });
    return latencies.sort((a, b) => a - b);
  };
  const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const ms = (v) => `${v.toFixed(1)} ms`;

  const lines = [];
  const cold = await round();
  lines.push(
    `first round after start (cold JIT, not counted): ` +
      `${concurrency} concurrent /career  ack p50 ${ms(pct(cold, 50))}  p99 ${ms(pct(cold, 99))}`,
  );
  for (let i = 1; i < WARM_UP_ROUNDS; i += 1) await round();
  const answeredBefore = answered;
  const all = [];
  const measuredFrom = performance.now();
  for (let i = 1; i <= rounds; i += 1) {
    const l = await round();
    all.push(...l);
    lines.push(
      `round ${i}: ${concurrency} concurrent /career  ack ` +
        `p50 ${ms(pct(l, 50))}  p99 ${ms(pct(l, 99))}  max ${ms(l.at(-1))}`,
    );
  }
  const seconds = (performance.now() - measuredFrom) / 1000;
  all.sort((a, b) => a - b);
  lines.push(
    `throughput: ${Math.round(all.length / seconds)} /career per second acknowledged and answered ` +
      `(${all.length} in ${seconds.toFixed(2)} s)`,
  );
  lines.push(
    `slack /career ack latency (${client} load generator), ` +
      `${all.length} signed requests ` +
      `(${rounds} rounds of ${concurrency} concurrent, after ${WARM_UP_ROUNDS} warm-up rounds): ` +
      `p50 ${ms(pct(all, 50))}  p99 ${ms(pct(all, 99))}  ` +
      `(target: p99 < 50 ms)`,
  );
  lines.push(`answers delivered to response_url: ${answered - answeredBefore}/${all.length}`);
  generator.close();
  process.send({ lines });
  fake.close();
  fake.closeAllConnections();
}

/** node:http's client: one http.request per command, signed as it is sent. */
function httpGenerator(port, concurrency, signed) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const one = () => {
    const { body, headers } = signed();
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request({ agent, host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  };
  return { fire: () => Promise.all(Array.from({ length: concurrency }, one)), close: () => agent.destroy() };
}

/**
 * Pre-signed requests written to open sockets. Responses are read with just
 * enough HTTP/1.1 to find where each ends (Content-Length or chunked), which is
 * all a load generator needs; anything but a 200 fails the bench.
 */
async function rawGenerator(port, concurrency, signed) {
  const sockets = await Promise.all(
    Array.from(
      { length: concurrency },
      () =>
        new Promise((resolve, reject) => {
          const s = connect({ host: '127.0.0.1', port, noDelay: true }, () => resolve(s));
          s.once('error', reject);
        }),
    ),
  );
  const fire = () => {
    const requests = sockets.map(() => {
      const { body, headers } = signed();
      const head = Object.entries({ host: `127.0.0.1:${port}`, connection: 'keep-alive', ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      return Buffer.from(`POST /slack/events HTTP/1.1\r\n${head}\r\n${body}`);
    });
    return Promise.all(
      sockets.map(
        (socket, i) =>
          new Promise((resolve, reject) => {
            let received = '';
            const onData = (chunk) => {
              received += chunk.toString('latin1');
              const end = responseEnd(received);
              if (end === null) return;
              const elapsed = performance.now() - started;
              socket.off('data', onData);
              if (!received.startsWith('HTTP/1.1 200')) reject(new Error(`bad response: ${received.split('\r\n')[0]}`));
              else resolve(elapsed);
            };
            socket.on('data', onData);
            const started = performance.now();
            socket.write(requests[i]);
          }),
      ),
    );
  };
  return { fire, close: () => sockets.forEach((s) => s.destroy()) };
}

/** Where the first complete HTTP/1.1 response in `text` ends, or null if it has not all arrived. */
function responseEnd(text) {
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const head = text.slice(0, headEnd).toLowerCase();
  const length = /\r\ncontent-length: *(\d+)/.exec(head);
  if (length) return text.length >= headEnd + 4 + Number(length[1]) ? headEnd + 4 + Number(length[1]) : null;
  if (/\r\ntransfer-encoding: *chunked/.test(head)) {
    const last = text.indexOf('\r\n0\r\n\r\n', headEnd);
    return last < 0 ? null : last + 7;
  }
  return headEnd + 4;
}
