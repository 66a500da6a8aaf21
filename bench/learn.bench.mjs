#!/usr/bin/env node
// Learning from use: pay chart render (cold and cached), a salary answer with
// its chart against without (one run, interleaved), the answer log's cost per
// answer, and `report` over 1,000,000 logged questions on SQLite and (when
// reachable) PostgreSQL. Prints figures, never fails on speed.
//
//   npm run bench -- learn        (BENCH_PG_URL=postgres://... to pick the server)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createBot } from '../dist/core/bot.js';
import { loadContent } from '../dist/core/content/load-content.js';
import { EMPTY_SLOTS } from '../dist/core/conversation/slots.js';
import { consoleSurface } from '../dist/adapters/console/console-surface.js';
import { salaryChart } from '../dist/core/chart/pay-chart.js';
import { clearChartCache, renderChart } from '../dist/charts/render-chart.js';
import { silentLogger } from '../dist/core/logger.js';
import { createAnswerLog } from '../dist/learn/answer-log.js';
import { createVoterKey } from '../dist/learn/voter-key.js';
import { usageReport } from '../dist/learn/usage-report.js';
import { openStore } from '../dist/store/open-store.js';

const loaded = loadContent('content');
if (!loaded.ok) throw new Error('content does not load');
const content = loaded.content;
const role = content.roleById.get('ml-systems-engineer');
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(3)} ms`;

// BENCH_ONLY=report runs only the report figures.
const only = process.env.BENCH_ONLY;

// 1. Chart render, cold (cache emptied each time) and cached.
if (!only) {
  const places = [null, ...Object.keys(role.salary.locations)];
  const levels = [null, 'entry', 'mid', 'senior'];
  const cold = [];
  for (let i = 0; i < 60; i++) {
    clearChartCache();
    const chart = salaryChart(role, levels[i % 4], places[i % places.length]);
    const t = performance.now();
    await renderChart(chart);
    cold.push(performance.now() - t);
  }
  const cached = [];
  const chart = salaryChart(role, 'senior', 'seattle');
  await renderChart(chart);
  for (let i = 0; i < 20_000; i++) {
    const t = performance.now();
    await renderChart(chart);
    cached.push(performance.now() - t);
  }
  console.log(
    `chart render cold:   p50 ${ms(pct(cold, 50))}  p99 ${ms(pct(cold, 99))}  ` +
      `(${cold.length} renders, 1520 px wide PNG)`,
  );
  console.log(
    `chart render cached: p50 ${ms(pct(cached, 50))}  p99 ${ms(pct(cached, 99))}  (${cached.length} lookups)`,
  );
}

// 2. A salary answer with its (cached) chart against without, interleaved in one run.
if (!only) {
  const bot = createBot({ content, surface: consoleSurface });
  const questions = [
    'senior ml systems engineer salary in seattle',
    'how much does an entry level ml systems engineer make',
    'ml systems engineer pay in austin',
    'mid ml systems engineer salary chicago',
  ];
  const without = [];
  const withChart = [];
  for (let i = 0; i < 40_000; i++) {
    const q = questions[i % questions.length];
    let t = performance.now();
    bot.converse(q, EMPTY_SLOTS);
    without.push(performance.now() - t);
    t = performance.now();
    const a = bot.converse(q, EMPTY_SLOTS).answer;
    await renderChart(a.reply.chart);
    withChart.push(performance.now() - t);
  }
  const tail = (xs) => xs.slice(4_000); // the first renders are cold; the claim is about cached charts
  console.log(`salary answer without chart: p50 ${ms(pct(tail(without), 50))}  p99 ${ms(pct(tail(without), 99))}`);
  console.log(
    `salary answer with chart:    p50 ${ms(pct(tail(withChart), 50))}  p99 ${ms(pct(tail(withChart), 99))}  ` +
      `(cached PNG; added p99 ${ms(pct(tail(withChart), 99) - pct(tail(without), 99))})`,
  );
}

// 3. The answer log's cost per answer, on a SQLite file: answered (counted) and unanswered (counted and logged).
if (!only) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-bench-learn-'));
  const store = await openStore({ dataDir, logger: silentLogger });
  const answerLog = createAnswerLog({
    store: store.learning,
    clock: () => new Date(),
    questionLogDays: 90,
    voterKey: createVoterKey('bench-secret-0123456789abcdef', silentLogger),
  });
  const plain = createBot({ content, surface: consoleSurface });
  const logged = createBot({ content, surface: consoleSurface, answerLog });
  const env = {
    platform: 'slack',
    surface: consoleSurface,
    conversation: { platform: 'slack', workspace: null, channel: 'D1', thread: null, user: 'U1' },
    user: { id: 'U1' },
    channel: { id: 'D1', kind: 'dm' },
  };
  for (const [label, text] of [
    ['answered', 'llm sme skills'],
    ['unanswered', 'what does a blockchain developer do for employee 123456'],
  ]) {
    const a = [];
    const b = [];
    for (let i = 0; i < 3_000; i++) {
      const m = { ...env, kind: 'question', via: 'dm', text };
      let t = performance.now();
      await plain.handle(m);
      a.push(performance.now() - t);
      t = performance.now();
      await logged.handle(m);
      b.push(performance.now() - t);
    }
    const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
    console.log(
      `answer log write, ${label}: +${ms(mean(b) - mean(a))} mean per answer ` +
        `(p50 ${ms(pct(b, 50))} with, ${ms(pct(a, 50))} without; SQLite file, synchronous=FULL)`,
    );
  }
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}

// 4. `report` over 1,000,000 logged questions.
const ROWS = 1_000_000;
const WORDS = [
  'blockchain',
  'developer',
  'pilot',
  'nurse',
  'salary',
  'remote',
  'visa',
  'portfolio',
  'interview',
  'bootcamp',
  'quantum',
  'game',
  'designer',
  'security',
  'analyst',
  'cloud',
  'devops',
  'data',
  'product',
  'manager',
];
const textOf = (i) => {
  const n = (i * 7919) % 20_000;
  return `what about ${WORDS[n % 20]} ${WORDS[Math.floor(n / 20) % 20]} ${Math.floor(n / 400)}`;
};
const dayOf = (i) => new Date(Date.UTC(2026, 0, 1) + (i % 90) * 86_400_000).toISOString().slice(0, 10);

async function timeReport(store, label, seedSeconds) {
  const t = performance.now();
  const r = await usageReport(store.learning, null);
  const s = (performance.now() - t) / 1000;
  const t2 = performance.now();
  await usageReport(store.learning, '2026-03-01');
  const s2 = (performance.now() - t2) / 1000;
  const t3 = performance.now();
  await usageReport(store.learning, null, 'W3');
  const s3 = (performance.now() - t3) / 1000;
  console.log(
    `report over ${ROWS.toLocaleString('en-US')} logged questions, ${label}: ${s.toFixed(2)} s, ` +
      `--since (last third) ${s2.toFixed(2)} s, ` +
      `one workspace of 10 (admin's /career report) ${s3.toFixed(2)} s ` +
      `(seeded in ${seedSeconds.toFixed(1)} s; top group ${r.unanswered[0]?.count} × "${r.unanswered[0]?.text}")`,
  );
}

{
  const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-bench-report-'));
  const store = await openStore({ dataDir, logger: silentLogger });
  await store.close();
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(dataDir, 'career-bot.sqlite'));
  const t = performance.now();
  const insert = db.prepare(
    'insert into question_log (workspace, day, platform, reason, intent, text, unknown_role, suggestions) ' +
      'values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++)
      insert.run(
        `W${i % 10}`,
        dayOf(i),
        i % 3 ? 'slack' : 'discord',
        'unknown',
        'unknown',
        textOf(i),
        i % 5 ? null : `${WORDS[i % 20]} engineer`,
        '',
      );
  })();
  db.close();
  const seeded = (performance.now() - t) / 1000;
  const reopened = await openStore({ dataDir, logger: silentLogger });
  await timeReport(reopened, 'SQLite', seeded);
  await reopened.close();
  rmSync(dataDir, { recursive: true, force: true });
}

{
  const url = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`report on PostgreSQL: skipped (${err.message}; set BENCH_PG_URL)`);
    process.exit(0);
  }
  await admin.query(`create schema ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  try {
    const store = await openStore({ databaseUrl: u.toString(), dataDir: tmpdir(), logger: silentLogger });
    const t = performance.now();
    // The same rows as on SQLite, generated in the server in one statement.
    const words = `(array[${WORDS.map((w) => `'${w}'`).join(',')}])`;
    const n = '((i::bigint * 7919) % 20000)';
    await admin.query(
      [
        `insert into ${schema}.question_log ` +
          '(workspace, day, platform, reason, intent, text, unknown_role, suggestions)',
        "      select 'W' || (i % 10), to_char(date '2026-01-01' + (i % 90), 'YYYY-MM-DD'), " +
          "case when i % 3 = 0 then 'discord' else 'slack' end, 'unknown', 'unknown',",
        `             'what about ' || ${words}[${n} % 20 + 1] || ' ' ||`,
        `             ${words}[(${n} / 20) % 20 + 1] || ' ' || (${n} / 400),`,
        `             case when i % 5 = 0 then ${words}[i % 20 + 1] || ' engineer' else null end, ''`,
        `      from generate_series(0, ${ROWS - 1}) as i`,
      ].join('\n'),
    );
    await admin.query(`analyze ${schema}.question_log`);
    await timeReport(store, 'PostgreSQL', (performance.now() - t) / 1000);
    await store.close();
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
