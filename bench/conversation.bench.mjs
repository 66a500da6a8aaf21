#!/usr/bin/env node
// Conversations: per-answer latency of the core reading a message in context,
// then 100,000 lines over 10,000 interleaved conversations streamed through
// `career-bot ask --json --conversation`, next to the same texts through plain
// `ask --json` in the same run; then 1,000,000 distinct conversation ids to
// show memory stays bounded. Prints figures, never fails on speed.
//
//   npm run bench -- conversation
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleSurface } from '../dist/adapters/console/console-surface.js';
import { createBot } from '../dist/core/bot.js';
import { loadContent } from '../dist/core/content/load-content.js';
import { EMPTY_SLOTS } from '../dist/core/conversation/slots.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'bin', 'career-bot.js');

// Scripts of real conversations from the labelled sets, replayed many times.
const scripts = new Map();
for (const f of [
  path.resolve(root, '../shared/eval/conversations-dev.jsonl'),
  path.join(root, 'test/fixtures/conversations-probe.jsonl'),
  path.join(root, 'test/fixtures/conversations-probe2.jsonl'),
]) {
  let text = '';
  try {
    text = readFileSync(f, 'utf8');
  } catch {
    continue;
  }
  for (const l of text.split('\n').filter(Boolean)) {
    const c = JSON.parse(l);
    const key = `${f}:${c.conversation}`;
    scripts.set(key, [...(scripts.get(key) ?? []), c.q]);
  }
}
const SCRIPTS = [...scripts.values()];
/** Line i of a run over `conversations` interleaved conversations. */
const lineAt = (i, conversations) => {
  const conv = i % conversations;
  const turn = Math.floor(i / conversations);
  const script = SCRIPTS[conv % SCRIPTS.length];
  return { conversation: `conv-${conv}`, text: script[turn % script.length] };
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// --- in process: one answer in context ---------------------------------------
const loaded = loadContent(path.join(root, 'content'));
if (!loaded.ok) throw new Error('content invalid');
const bot = createBot({ content: loaded.content, surface: consoleSurface });
const contexts = new Map();
const lat = [];
for (let i = 0; i < 50_000; i += 1) {
  const { conversation, text } = lineAt(i, 1000);
  const s = process.hrtime.bigint();
  const turn = bot.converse(text, contexts.get(conversation) ?? EMPTY_SLOTS);
  lat.push(Number(process.hrtime.bigint() - s) / 1e6);
  contexts.set(conversation, turn.slots);
}
lat.sort((a, b) => a - b);
console.log(
  `core converse(): ${lat.length} answers in context, ` +
    `p50 ${percentile(lat, 50).toFixed(3)} ms, p99 ${percentile(lat, 99).toFixed(3)} ms, ` +
    `max ${lat[lat.length - 1].toFixed(3)} ms`,
);

// --- through the CLI ----------------------------------------------------------
async function stream(args, count, lineOf) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let lines = 0;
  let errors = 0;
  let peakKb = 0;
  let rest = '';
  const gaps = [];
  let last = process.hrtime.bigint();
  child.stdout.on('data', (d) => {
    const parts = (rest + d.toString()).split('\n');
    rest = parts.pop();
    for (const p of parts) {
      if (p.startsWith('{"line"')) errors += 1;
      const now = process.hrtime.bigint();
      gaps.push(Number(now - last) / 1e6);
      last = now;
    }
    lines += parts.length;
  });
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* exited */
    }
  }, 50);
  const t0 = Date.now();
  for (let i = 0; i < count; i += 1) {
    if (!child.stdin.write(`${lineOf(i)}\n`)) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  await new Promise((r) => child.once('close', r));
  clearInterval(poll);
  gaps.sort((a, b) => a - b);
  return { lines, errors, seconds: (Date.now() - t0) / 1000, peakMb: peakKb / 1024, p99: percentile(gaps, 99) };
}
const show = (label, r) =>
  console.log(
    `${label}: ` +
      `${r.lines} lines in ${r.seconds.toFixed(1)} s (${Math.round(r.lines / r.seconds)}/s), ` +
      `p99 gap between answers ${r.p99.toFixed(2)} ms, ` +
      `peak RSS ${r.peakMb.toFixed(0)} MB${r.errors ? `, ${r.errors} error lines` : ''}`,
  );

const N = 100_000;
show('ask --json (plain, same texts)', await stream(['ask', '--json'], N, (i) => lineAt(i, 10_000).text));
show(
  'ask --json --conversation (10,000 conversations)',
  await stream(['ask', '--json', '--conversation'], N, (i) => JSON.stringify(lineAt(i, 10_000))),
);
const M = Number(process.env.BENCH_DISTINCT_IDS ?? 1_000_000);
show(
  `ask --json --conversation (${M.toLocaleString('en-US')} distinct ids)`,
  await stream(['ask', '--json', '--conversation'], M, (i) =>
    JSON.stringify({ conversation: `id-${i}`, text: i % 2 ? 'and in chicago?' : 'llm sme' }),
  ),
);
