#!/usr/bin/env node
// Acknowledgement latency of `/career` in Slack's HTTP mode: the real Bolt
// receiver from dist/ (build first: npx tsc -p tsconfig.build.json) on the
// main thread, alone, as in production; a worker thread plays Slack (a fake
// Web API and response_url sink on 127.0.0.1) and fires rounds of N
// concurrent, correctly signed slash commands. Latency runs from the start of
// the request to the end of the 200 response, the span Slack's 3-second
// deadline measures. Usage: node bench/slack-ack.bench.mjs [concurrency=200] [rounds=5]
import { createHmac } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const SECRET = 'benchsigningsecret01';

if (isMainThread) await runBot();
else await playSlack(workerData);

async function runBot() {
  const concurrency = Number(process.argv[2] ?? 200);
  const rounds = Number(process.argv[3] ?? 5);
  const { startSlack } = await import('../dist/adapters/slack/start-slack.js');
  const { parseConfig } = await import('../dist/config.js');
  const { createBot } = await import('../dist/core/bot.js');
  const { loadContent } = await import('../dist/core/content/load-content.js');
  const { createLogger } = await import('../dist/create-logger.js');

  const worker = new Worker(new URL(import.meta.url), { workerData: { concurrency, rounds } });
  const next = () => new Promise((resolve) => worker.once('message', resolve));
  const { fakePort } = await next();

  const loaded = loadContent(new URL('../content', import.meta.url).pathname);
  if (!loaded.ok) throw new Error('content does not load');
  const parsed = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `http://127.0.0.1:${fakePort}/api/`, PORT: '0' });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  // Production log level, written nowhere: the cost of logging counts, the terminal stays clean.
  const logger = createLogger('info', new Writable({ write: (_c, _e, done) => done() }));
  const slack = await startSlack({ bot: createBot({ content: loaded.content, logger }), config: parsed.config, logger });

  worker.postMessage({ slackPort: slack.port });
  const report = await next();
  for (const line of report.lines) console.log(line);
  await slack.stop();
  await worker.terminate();
}

async function playSlack({ concurrency, rounds }) {
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
      const body = req.url === '/api/auth.test' ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } : { ok: false, error: 'unknown_method' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise((r) => fake.listen(0, '127.0.0.1', r));
  const fakePort = fake.address().port;
  parentPort.postMessage({ fakePort });
  const { slackPort } = await new Promise((resolve) => parentPort.once('message', resolve));

  const questions = ['ml systems engineer skills', 'what does a senior ML systems engineer make in Seattle?', 'knowledge graph engineer', 'llm sme trends', 'graph person', ''];
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let counter = 0;
  const signedCommand = () => {
    counter += 1;
    const body = new URLSearchParams({
      team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: 'U1', user_name: 'ada', command: '/career',
      text: questions[counter % questions.length], api_app_id: 'A1', trigger_id: '1.2.3',
      response_url: `http://127.0.0.1:${fakePort}/response/${counter}`,
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': ts, 'x-slack-signature': signature };
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request({ agent, host: '127.0.0.1', port: slackPort, path: '/slack/events', method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  };
  const round = async () => {
    const before = answered;
    const latencies = await Promise.all(Array.from({ length: concurrency }, signedCommand));
    // Every answer reaches its response_url before the next round starts.
    await new Promise((resolve) => {
      onAnswer = () => answered - before >= concurrency && resolve();
      onAnswer();
    });
    return latencies.sort((a, b) => a - b);
  };
  const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const ms = (v) => `${v.toFixed(1)} ms`;

  const lines = [];
  await round(); // warm-up: JIT, connections
  const all = [];
  for (let i = 1; i <= rounds; i += 1) {
    const l = await round();
    all.push(...l);
    lines.push(`round ${i}: ${concurrency} concurrent /career  ack p50 ${ms(pct(l, 50))}  p99 ${ms(pct(l, 99))}  max ${ms(l.at(-1))}`);
  }
  all.sort((a, b) => a - b);
  lines.push(`slack /career ack latency, ${all.length} signed requests (${rounds} rounds of ${concurrency} concurrent): p50 ${ms(pct(all, 50))}  p99 ${ms(pct(all, 99))}  (target: p99 < 50 ms)`);
  lines.push(`answers delivered to response_url: ${answered - concurrency}/${all.length}`);
  agent.destroy();
  parentPort.postMessage({ lines });
}
