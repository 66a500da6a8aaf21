#!/usr/bin/env node
// Slack HTTP mode under overload, through the real bin (`career-bot start`,
// built dist/, SQLite store) in its own process under `ulimit -n 1024`. This
// process plays Slack: a fake Web API and response_url sink on 127.0.0.1, and
// raw-socket load generators (requests signed before they are sent, responses
// read with a minimal HTTP/1.1 parser, as in slack-ack.bench.mjs). The bot's
// RSS is read from /proc every 100 ms.
//
// Scenarios (each on a fresh bot; pick with SCENARIOS=sustained,burst,...):
//   sustained  /career at RATE/s (400) for SUSTAINED_S (60) seconds: ack and
//              answer p50/p99, RSS every 10 s (should be flat), busy replies.
//   burst      BURST (40,000) /career unpaced over 200 connections: peak RSS,
//              acks, busy replies, answers delivered, every ack accounted for.
//   sigterm    STOP_BURST (60,000) unpaced, SIGTERM right after the last ack:
//              time to exit, exit code, answers delivered or told busy.
//   slow       SLOW (2,000) connections sending headers a line a second (and
//              reconnecting when cut) while /career runs at 50/s over kept-
//              alive connections: ack p99, errors, new connections refused.
//
// Usage: node bench/slack-overload.bench.mjs   (npm run bench -- slack-overload)
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SECRET, signedCareerCommand } from './helpers/slack-command.mjs';

const BIN = fileURLToPath(new URL('../bin/career-bot.js', import.meta.url));
const BUSY_MARK = 'busy right now';
const env = (k, d) => Number(process.env[k] ?? d);
const SCENARIOS = (process.env.SCENARIOS ?? 'sustained,burst,sigterm,slow').split(',');

const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const ms = (v) => `${v.toFixed(1)} ms`;
const mb = (kb) => `${Math.round(kb / 1024)} MB`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

/** Wall-clock milliseconds, comparable across this process and the fake's. */
const wall = () => performance.timeOrigin + performance.now();

/**
 * The fake Slack in a process of its own, so the load generator's busy event
 * loop does not delay when answers are seen: it notes each answer's arrival
 * and hands the list over on request.
 */
async function startFake() {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'fake' }, execArgv: [] });
  const port = await new Promise((resolve) => child.once('message', (m) => resolve(m.port)));
  const answered = new Map();
  const sync = () =>
    new Promise((resolve) => {
      child.once('message', (m) => {
        for (const [n, at] of m.answered) answered.set(n, at);
        resolve();
      });
      child.send('report');
    });
  return { port, answered, sync, close: () => child.kill() };
}

async function serveFake() {
  const answered = new Map(); // request number → arrival time (wall clock)
  let sent = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url.startsWith('/response/')) {
        answered.set(Number(req.url.slice('/response/'.length)), wall());
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }
      const body =
        req.url === '/api/auth.test' ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } : { ok: true };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  process.send({ port: server.address().port });
  process.on('message', () => {
    // Only what is new since the last report.
    const all = [...answered];
    process.send({ answered: all.slice(sent) });
    sent = all.length;
  });
}

/** `career-bot start` in HTTP mode, as production runs it, with a file-descriptor limit of 1,024. */
async function startBot(fakePort) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'overload-bench-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn('sh', ['-c', `ulimit -n 1024; exec "${process.execPath}" "${BIN}" start`], {
    env: {
      PATH: process.env.PATH,
      HOME: tmpdir(),
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${fakePort}/api/`,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      TIPS_SCHEDULER: 'off',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  for (let i = 0; i < 200; i += 1) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(100);
  }
  let peak = 0;
  let last = 0;
  const rss = () => {
    try {
      last = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, last);
    } catch {
      // The child has exited and /proc has no entry for it: keep the last reading.
    }
    return last;
  };
  const sampler = setInterval(rss, 100);
  return {
    port,
    child,
    exited,
    rss,
    peak: () => peak,
    stderr: () => stderr,
    async stop() {
      clearInterval(sampler);
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A signed /career, as raw HTTP/1.1 bytes; its number names its response_url. */
function signedCommand(botPort, fakePort) {
  counter += 1;
  const n = counter;
  const { body, headers } = signedCareerCommand(n, fakePort);
  const head =
    `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1:${botPort}\r\nconnection: keep-alive\r\n` +
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  return { n, bytes: Buffer.from(head + body) };
}

/** A kept-alive raw connection that sends one request at a time and resolves each with its status and body. */
async function rawConnection(port) {
  const socket = await new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, noDelay: true }, () => resolve(s));
    s.once('error', reject);
  });
  let pending = null;
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
    const end = responseEnd(received);
    if (end === null || !pending) return;
    const text = received.slice(0, end);
    received = received.slice(end);
    const p = pending;
    pending = null;
    const body = text.slice(text.indexOf('\r\n\r\n') + 4);
    p.resolve({
      status: Number(text.slice(9, 12)),
      body: body === '0\r\n\r\n' ? '' : body,
      closing: /\r\nconnection: close/i.test(text),
    });
  });
  const fail = (err) => {
    const p = pending;
    pending = null;
    p?.reject(err ?? new Error('connection closed'));
  };
  socket.on('error', fail);
  socket.on('close', () => fail());
  return {
    send(bytes) {
      return new Promise((resolve, reject) => {
        // The server closes a connection idle past its keep-alive timeout.
        if (socket.destroyed) return reject(new Error('connection closed'));
        pending = { resolve, reject };
        socket.write(bytes);
      });
    },
    get open() {
      return !socket.destroyed;
    },
    close: () => socket.destroy(),
  };
}

function responseEnd(text) {
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const head = text.slice(0, headEnd);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) return text.length >= headEnd + 4 + Number(length[1]) ? headEnd + 4 + Number(length[1]) : null;
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
    const last = text.indexOf('0\r\n\r\n', headEnd + 4);
    return last < 0 ? null : last + 5;
  }
  return headEnd + 4;
}

/** Fires `total` commands as fast as `connections` kept-alive connections allow; tallies every outcome. */
async function burst(bot, fake, total, connections = 200) {
  const tally = { sent: 0, acked: [], busy: 0, other: 0, errors: 0, ackLatency: [] };
  const worker = async () => {
    let conn = await rawConnection(bot.port).catch(() => null);
    while (tally.sent < total) {
      if (!conn?.open) conn = await rawConnection(bot.port).catch(() => null);
      if (!conn) return void (tally.errors += 1);
      tally.sent += 1;
      const { n, bytes } = signedCommand(bot.port, fake.port);
      const started = performance.now();
      try {
        const r = await conn.send(bytes);
        tally.ackLatency.push(performance.now() - started);
        if (r.status === 200 && r.body === '') tally.acked.push({ n, at: performance.timeOrigin + started });
        else if (r.status === 200 && r.body.includes(BUSY_MARK)) tally.busy += 1;
        else {
          tally.other += 1;
          if (tally.other <= 2 && process.env.DEBUG) console.error('other response', r.status, r.body.slice(0, 200));
        }
        if (r.closing) conn = null;
      } catch {
        tally.errors += 1;
        conn = null;
      }
    }
    conn?.close();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  tally.seconds = (performance.now() - started) / 1000;
  return tally;
}

async function waitAnswers(fake, acked, timeoutMs) {
  const until = performance.now() + timeoutMs;
  await fake.sync();
  while (performance.now() < until && acked.some((a) => !fake.answered.has(a.n))) {
    await sleep(100);
    await fake.sync();
  }
  return acked.filter((a) => fake.answered.has(a.n)).length;
}

async function sustained(lines) {
  const rate = env('RATE', 400);
  const seconds = env('SUSTAINED_S', 60);
  const fake = await startFake();
  const bot = await startBot(fake.port);
  const pool = await Promise.all(Array.from({ length: 64 }, () => rawConnection(bot.port)));
  const free = [...pool];
  const acked = [];
  const ackLatency = [];
  let busy = 0;
  let errors = 0;
  let late = 0;
  const rssTrend = [];
  const start = performance.now();
  const total = rate * seconds;
  const inflight = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (i % (rate * 10) === 0) rssTrend.push(bot.rss());
    let conn = free.shift();
    if (conn && !conn.open) conn = await rawConnection(bot.port).catch(() => undefined);
    if (!conn) {
      late += 1; // every connection still waiting for an ack: the generator counts it, and skips
      continue;
    }
    const { n, bytes } = signedCommand(bot.port, fake.port);
    const sent = performance.now();
    inflight.push(
      conn.send(bytes).then(
        (r) => {
          ackLatency.push(performance.now() - sent);
          if (r.body === '') acked.push({ n, at: performance.timeOrigin + sent });
          else busy += 1;
          free.push(conn);
        },
        () => void (errors += 1),
      ),
    );
  }
  await Promise.all(inflight);
  rssTrend.push(bot.rss());
  const delivered = await waitAnswers(fake, acked, 10_000);
  const answerLatency = acked
    .filter((a) => fake.answered.has(a.n))
    .map((a) => fake.answered.get(a.n) - a.at)
    .sort((a, b) => a - b);
  ackLatency.sort((a, b) => a - b);
  lines.push(
    `sustained: ${total} /career at ${rate}/s for ${seconds} s:` +
      ` ack p50 ${ms(pct(ackLatency, 50))} p99 ${ms(pct(ackLatency, 99))};` +
      ` answer p50 ${ms(pct(answerLatency, 50))} p99 ${ms(pct(answerLatency, 99))};` +
      ` answered ${delivered}/${acked.length} acked, ${busy} told busy, ${errors} errors,` +
      ` ${late} not sent (all 64 connections busy)`,
  );
  lines.push(`sustained: bot RSS every 10 s: ${rssTrend.map(mb).join(', ')} (peak ${mb(bot.peak())})`);
  pool.forEach((c) => c.close());
  await bot.stop();
  fake.close();
}

async function burstScenario(lines) {
  const total = env('BURST', 40_000);
  const fake = await startFake();
  const bot = await startBot(fake.port);
  const before = bot.rss();
  const t = await burst(bot, fake, total);
  const delivered = await waitAnswers(fake, t.acked, 30_000);
  t.ackLatency.sort((a, b) => a - b);
  const answerLatency = t.acked
    .filter((a) => fake.answered.has(a.n))
    .map((a) => fake.answered.get(a.n) - a.at)
    .sort((a, b) => a - b);
  lines.push(
    `burst: ${total} unpaced /career over 200 connections in ${t.seconds.toFixed(1)} s:` +
      ` ${t.acked.length} acked for an answer, ${t.busy} told busy in the ack,` +
      ` ${t.other} other statuses, ${t.errors} connection errors`,
  );
  lines.push(
    `burst: answers delivered ${delivered}/${t.acked.length}` +
      ` (answer p50 ${ms(pct(answerLatency, 50))} p99 ${ms(pct(answerLatency, 99))},` +
      ` max ${ms(answerLatency.at(-1) ?? NaN)}); ack p99 ${ms(pct(t.ackLatency, 99))};` +
      ` bot RSS ${mb(before)} before, peak ${mb(bot.peak())} (target < 400 MB)`,
  );
  if (process.env.DEBUG) console.error(bot.stderr().split('\n').slice(0, 5).join('\n'));
  await bot.stop();
  fake.close();
}

async function sigtermScenario(lines) {
  const total = env('STOP_BURST', 60_000);
  const fake = await startFake();
  const bot = await startBot(fake.port);
  const t = await burst(bot, fake, total);
  const signalled = performance.now();
  bot.child.kill('SIGTERM');
  const exit = await bot.exited;
  await fake.sync();
  const delivered = t.acked.filter((a) => fake.answered.has(a.n)).length;
  lines.push(
    `sigterm: ${total} unpaced /career, SIGTERM after the last ack:` +
      ` exit code ${exit.code}${exit.signal ? ` (signal ${exit.signal})` : ''}` +
      ` ${((exit.at - signalled) / 1000).toFixed(2)} s after the signal;` +
      ` ${delivered}/${t.acked.length} acked requests answered, ${t.busy} told busy,` +
      ` ${t.acked.length - delivered} acked and never answered; peak RSS ${mb(bot.peak())}`,
  );
  await bot.stop();
  fake.close();
}

async function slowScenario(lines) {
  const slowCount = env('SLOW', 2_000);
  const seconds = env('SLOW_S', 15);
  const fake = await startFake();
  const bot = await startBot(fake.port);
  const real = await Promise.all(Array.from({ length: 8 }, () => rawConnection(bot.port)));
  let stopping = false;
  let refused = 0;
  let cut = 0;
  const slow = new Set();
  const openSlow = () => {
    if (stopping) return;
    const s = connect({ host: '127.0.0.1', port: bot.port });
    slow.add(s);
    let timer;
    const opened = performance.now();
    s.on('connect', () => {
      s.write('POST /slack/events HTTP/1.1\r\nhost: x\r\n');
      timer = setInterval(() => s.write('x-slow: 1\r\n'), 1000);
    });
    s.on('error', () => {});
    s.on('close', () => {
      clearInterval(timer);
      slow.delete(s);
      // Over the cap, Node closes a new connection at once; the header timeout cuts one after ~5 s.
      if (performance.now() - opened < 3_000) refused += 1;
      else cut += 1;
      if (!stopping) setTimeout(openSlow, 100);
    });
  };
  for (let i = 0; i < slowCount; i += 1) openSlow();
  await sleep(1000);
  const ackLatency = [];
  let errors = 0;
  let busy = 0;
  const start = performance.now();
  for (let i = 0; performance.now() - start < seconds * 1000; i += 1) {
    await sleep(20);
    const conn = real[i % real.length];
    if (!conn.open) {
      errors += 1;
      real[i % real.length] = await rawConnection(bot.port).catch(() => conn);
      continue;
    }
    const { bytes } = signedCommand(bot.port, fake.port);
    const sent = performance.now();
    await conn.send(bytes).then(
      (r) => (r.body === '' ? ackLatency.push(performance.now() - sent) : (busy += 1)),
      () => (errors += 1),
    );
  }
  stopping = true;
  for (const s of slow) s.destroy();
  ackLatency.sort((a, b) => a - b);
  lines.push(
    `slow: ${slowCount} connections sending headers a line a second (reconnecting when cut) for ${seconds} s:` +
      ` slow connections cut by the header timeout ${cut}, closed at once at the connection cap ${refused};` +
      ` real /career (one every 20 ms, each awaited) over 8 kept-alive connections:` +
      ` ${ackLatency.length} acked, ack p50 ${ms(pct(ackLatency, 50))} p99 ${ms(pct(ackLatency, 99))},` +
      ` ${busy} busy, ${errors} errors; bot peak RSS ${mb(bot.peak())}`,
  );
  real.forEach((c) => c.close());
  await bot.stop();
  fake.close();
}

if (process.env.BENCH_ROLE === 'fake') {
  await serveFake();
} else {
  await main();
}

async function main() {
  const lines = [];
  const run = { sustained, burst: burstScenario, sigterm: sigtermScenario, slow: slowScenario };
  for (const name of SCENARIOS) {
    const started = performance.now();
    await run[name](lines);
    console.log(lines.splice(0).join('\n'));
    console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}
