#!/usr/bin/env node
// Question-understanding speed through the real core, and content load time,
// for the shipped content and for 1,000 generated roles; then 100,000
// questions streamed through `career-bot ask --json` with peak memory.
//
//   npm run bench -- core
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBot } from '../dist/core/bot.js';
import { consoleSurface } from '../dist/adapters/console/console-surface.js';
import { loadContent } from '../dist/core/content/load-content.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'bin', 'career-bot.js');

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// Load = read and validate every file, then build the bot's indexes: what
// start-up (and every `career-bot ask`) pays before the first answer.
function timeLoad(dir, runs = 5) {
  const times = [];
  let bot;
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    const r = loadContent(dir);
    if (!r.ok) throw new Error(`content invalid: ${JSON.stringify(r.problems.slice(0, 3))}`);
    bot = createBot({ content: r.content, surface: consoleSurface });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { bot, content: bot.content, ms: times.sort((a, b) => a - b)[Math.floor(runs / 2)] };
}

function timeQuestions(bot, questions, rounds) {
  for (const q of questions) bot.answer(q); // warm-up: JIT, not caches of results
  const lat = [];
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r += 1) {
    for (const q of questions) {
      const s = process.hrtime.bigint();
      bot.answer(q);
      lat.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }
  const total = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort((a, b) => a - b);
  return {
    n: lat.length,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    max: lat[lat.length - 1],
    qps: lat.length / total,
  };
}

const fmt = (x) => x.toFixed(3);
function report(label, load, q) {
  console.log(
    `${label}: load ${load.ms.toFixed(1)} ms; ` +
      `${q.n} questions p50 ${fmt(q.p50)} ms, p99 ${fmt(q.p99)} ms, ` +
      `max ${fmt(q.max)} ms, ${Math.round(q.qps)} questions/s`,
  );
}

// --- shipped content -------------------------------------------------------
const devFile = path.resolve(root, '../shared/eval/dev.jsonl');
const probeFile = path.join(root, 'test/fixtures/probe.jsonl');
const fromFile = (f) => {
  try {
    return readFileSync(f, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).q);
  } catch {
    return [];
  }
};
const shippedQs = [
  ...fromFile(devFile),
  ...fromFile(probeFile),
  ...fromFile(path.join(root, 'bench/fixtures/probe2.jsonl')),
  'how much does a senior ML systems engineer make in Seattle?',
  'which role works with RDF and OWL',
  'knowlege grahp enginer skils',
  'x'.repeat(20000),
];
const shipped = timeLoad(path.join(root, 'content'));
report(`shipped content (${shipped.content.roles.length} roles)`, shipped, timeQuestions(shipped.bot, shippedQs, 40));

// --- 1,000 generated roles ---------------------------------------------------
const WORDS = `data platform cloud security quantum robotics compiler network storage mobile
embedded vision speech search ranking billing payments identity fraud growth analytics
observability reliability performance database streaming edge firmware silicon graphics
audio video game simulation climate energy health genomics finance trading risk privacy
compliance localization accessibility frontend backend infrastructure kernel distributed
realtime geospatial mapping logistics supply chain retail marketing ads recommendation`.split(/\s+/);
const NOUNS = ['engineer', 'developer', 'architect', 'specialist', 'scientist', 'analyst'];
const SECTIONS = [
  'Overview',
  'Responsibilities',
  'Skills',
  'Education',
  'Soft Skills',
  'Career Path',
  'Demand',
  'Trends',
  'Best Practices',
  'Challenges',
];
const FILLER = `design build operate maintain improve measure review document test deploy monitor
scale secure optimise debug automate integrate migrate plan estimate mentor collaborate with
teams stakeholders customers systems services pipelines models datasets dashboards tooling
standards processes incidents releases budgets roadmaps experiments metrics APIs schemas`.split(/\s+/);

let seed = 42;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = (a) => a[rand(a.length)];
const sentence = (k) => Array.from({ length: k }, () => pick(FILLER)).join(' ');

const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-bench-'));
mkdirSync(path.join(dir, 'roles'));
const titles = new Set();
const genQs = [];
while (titles.size < 1000) {
  const t = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(NOUNS)}`;
  if (new Set(t.split(' ')).size < 4 || titles.has(t)) continue;
  titles.add(t);
}
[...titles].forEach((t, i) => {
  const id = `${t.replace(/\s+/g, '-')}-${i}`;
  const body = SECTIONS.map(
    (s) =>
      `## ${s}\n\n${sentence(40)}.\n\n- ${sentence(15)}\n- ${sentence(15)}\n- ${sentence(15)}\n- ${sentence(15)}\n`,
  ).join('\n');
  writeFileSync(
    path.join(dir, 'roles', `${id}.md`),
    `---\nid: ${id}\ntitle: ${t} ${i}\naliases: ["${t.split(' ').slice(1).join(' ')} ${i}"]\n---\n\n${body}`,
  );
  if (i % 10 === 0) {
    const typo = t.replace(/(\w)(\w)(\w*)$/, '$2$1$3');
    genQs.push(
      `${t} ${i} skills`,
      `what does a ${t} ${i} do`,
      `${typo} ${i} career path`,
      `${t.split(' ')[0]} ${t.split(' ')[1]}`,
      `${pick(WORDS)} ${pick(NOUNS)} salary in seattle`,
    );
  }
});
const big = timeLoad(dir, 3);
report(`1,000 generated roles (${big.content.roles.length} roles)`, big, timeQuestions(big.bot, genQs, 20));

// --- 100,000 questions through ask --json, streaming -------------------------
async function streamThroughCli(count) {
  const child = spawn(process.execPath, [BIN, 'ask', '--json'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let lines = 0;
  let peakKb = 0;
  let rest = '';
  child.stdout.on('data', (d) => {
    const s = rest + d.toString();
    const parts = s.split('\n');
    rest = parts.pop();
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
    if (!child.stdin.write(`${shippedQs[i % shippedQs.length].slice(0, 300)}\n`))
      await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  await new Promise((r) => child.once('close', r));
  clearInterval(poll);
  return { lines, seconds: (Date.now() - t0) / 1000, peakMb: peakKb / 1024 };
}
for (const n of [10_000, 100_000]) {
  const r = await streamThroughCli(n);
  console.log(
    `ask --json streaming ${n} questions: ` +
      `${r.lines} JSON lines in ${r.seconds.toFixed(1)} s (${Math.round(r.lines / r.seconds)}/s), ` +
      `peak RSS ${r.peakMb.toFixed(0)} MB`,
  );
}
rmSync(dir, { recursive: true, force: true });
