#!/usr/bin/env node
// What Prometheus metrics cost the Slack /career acknowledgement: the
// slack-ack bench with METRICS=off and METRICS=on, interleaved (off, on, off,
// on...) so drift on a shared machine falls on both alike; medians of the
// runs' p99 and throughput. Target: metrics add at most 5% to the p99.
// Usage: node bench/metrics-cost.bench.mjs [pairs=3] [concurrency=200] [rounds=10]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [pairs = 3, concurrency = 200, rounds = 10] = process.argv.slice(2).map(Number);
const ACK = fileURLToPath(new URL('./slack-ack.bench.mjs', import.meta.url));
const runs = { off: [], on: [] };
for (let i = 0; i < pairs; i += 1) {
  for (const mode of ['off', 'on']) {
    const r = spawnSync(process.execPath, [ACK, String(concurrency), String(rounds)], {
      env: { ...process.env, METRICS: mode },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`slack-ack (METRICS=${mode}) failed:\n${r.stderr}`);
    const p99 = Number(/latency .*p99 ([\d.]+) ms/.exec(r.stdout)?.[1]);
    const rate = Number(/throughput: (\d+)/.exec(r.stdout)?.[1]);
    runs[mode].push({ p99, rate });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = Object.fromEntries(
  Object.entries(runs).map(([k, v]) => [k, { p99: median(v.map((x) => x.p99)), rate: median(v.map((x) => x.rate)) }]),
);
console.log(`/career ack, ${pairs} interleaved pairs of ${rounds} rounds x ${concurrency} concurrent (medians):`);
for (const mode of ['off', 'on'])
  console.log(
    `  metrics ${mode.padEnd(3)}  p99 ${summary[mode].p99.toFixed(1)} ms  ` +
      `throughput ${summary[mode].rate}/s   ` +
      `runs: ${runs[mode].map((x) => `${x.p99.toFixed(1)} ms/${x.rate}/s`).join(', ')}`,
  );
console.log(
  `  metrics cost: p99 ${(((summary.on.p99 - summary.off.p99) / summary.off.p99) * 100).toFixed(1)}%, ` +
    `throughput ${(((summary.on.rate - summary.off.rate) / summary.off.rate) * 100).toFixed(1)}%  ` +
    `(target: p99 +5% at most)`,
);

// The deterministic part: what counting one answer costs, in process.
const { createMetrics } = await import('../dist/ops/metrics.js');
const metrics = createMetrics();
const N = 200_000;
const intents = ['role', 'salary', 'help', 'unknown'];
let t = performance.now();
for (let i = 0; i < N; i += 1) {
  metrics.answers.inc({ platform: 'slack', intent: intents[i & 3] });
  metrics.answerDuration.observe({ platform: 'slack' }, 0.0004);
}
const perAnswerUs = ((performance.now() - t) / N) * 1000;
// A scrape renders every series (default process metrics included): the median of 30, after a first cold one.
const scrapes = [];
let text = await metrics.registry.metrics();
for (let i = 0; i < 30; i += 1) {
  t = performance.now();
  text = await metrics.registry.metrics();
  scrapes.push(performance.now() - t);
}
console.log(
  `  counting one answer: ${perAnswerUs.toFixed(2)} µs; ` +
    `one /metrics scrape: ${median(scrapes).toFixed(2)} ms median of 30 (${(text.length / 1024).toFixed(1)} KB)`,
);
