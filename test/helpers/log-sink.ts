import type { ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { expect } from 'vitest';
import { createLogger } from '../../src/create-logger.js';
import { CAPTURE_DIR, ROOT } from './capture-dir.js';

/**
 * One sink for every log line the suite captures: pino streams, the memory loggers, the bin's stderr and stdout.
 * test/setup/log-sink.ts writes each test file's lines and the secrets it registered to CAPTURE_DIR after the
 * file; test/log-scan/secrets-in-logs.test.ts, run after every other file, looks for the secrets in them.
 */

/**
 * Shorter values are not registered: a 1- to 7-character "secret" ('xoxb-1', 'hunter2', 'legacy') is not shaped
 * like one and turns up inside ordinary text (ids, words, hashes), so matching it would fail the scan on noise.
 */
export const MIN_SECRET_LENGTH = 8;

/** The variables whose values are secrets (src/create-logger.ts redacts them from a logged config). */
const SECRET_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'TOKEN_ENCRYPTION_KEY',
  'DISCORD_TOKEN',
  'FEEDBACK_SECRET',
];

export interface CapturedLine {
  /** What produced the line: 'pino', 'memoryLogger', 'bin stderr'... */
  source: string;
  /** The test running when the line came, when there was one. */
  test?: string;
  line: string;
}

interface SinkState {
  lines: CapturedLine[];
  secrets: Set<string>;
}

// On globalThis so the setup file and the test file share one sink whatever the module isolation.
const KEY = Symbol.for('career-bot.test.log-sink');
const state = ((globalThis as Record<symbol, SinkState | undefined>)[KEY] ??= { lines: [], secrets: new Set() });

/** Adds a value the scan must never find in a captured line (ignored when shorter than MIN_SECRET_LENGTH). */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) state.secrets.add(value);
}

/** Registers the secret variables of a bot environment, and the password of its DATABASE_URL. */
export function registerSecretsIn(env: Record<string, string | undefined>): void {
  for (const name of SECRET_VARIABLES) registerSecret(env[name]);
  if (env.DATABASE_URL) registerSecret(passwordOf(env.DATABASE_URL));
}

function passwordOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return undefined;
  }
}

function currentTest(): string | undefined {
  try {
    return expect.getState().currentTestName;
  } catch {
    return undefined;
  }
}

/** Captures text as lines (a trailing partial line too). */
export function captureText(source: string, text: string | Buffer | null | undefined): void {
  if (text === null || text === undefined) return;
  const test = currentTest();
  for (const line of String(text).split('\n'))
    if (line.trim()) state.lines.push({ source, ...(test ? { test } : {}), line });
}

/** Captures one structured log entry, with every Error's message, stack and cause (where secrets leak). */
export function captureEntry(source: string, entry: unknown): void {
  captureText(source, toJson(entry));
}

/** JSON of a log entry that keeps what JSON.stringify drops from errors and survives cycles and bigints. */
export function toJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return '[Repeated]';
    seen.add(v);
    if (!(v instanceof Error)) return v;
    const errors = (v as { errors?: unknown }).errors;
    return {
      ...v,
      type: v.name,
      message: v.message,
      stack: v.stack,
      ...(v.cause !== undefined ? { cause: v.cause } : {}),
      ...(Array.isArray(errors) ? { errors } : {}),
    };
  });
}

/** Splits chunks into whole lines, so a secret split across two chunks is still one line. */
function lineBuffer(source: string): { push(chunk: Buffer | string): void; end(): void } {
  let partial = '';
  return {
    push(chunk) {
      const text = partial + String(chunk);
      const cut = text.lastIndexOf('\n');
      if (cut === -1) {
        partial = text;
        return;
      }
      captureText(source, text.slice(0, cut));
      partial = text.slice(cut + 1);
    },
    end() {
      captureText(source, partial);
      partial = '';
    },
  };
}

/** A stream whose lines go to the sink: for createLogger(level, stream) and for a CLI's io.stderr. */
export function sinkStream(source: string): Writable {
  const lines = lineBuffer(source);
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk);
      done();
    },
    final(done) {
      lines.end();
      done();
    },
  });
}

/** Also sends what a readable stream (a child's stderr, a PassThrough) yields to the sink. */
export function captureStream(stream: Readable, source: string): void {
  const lines = lineBuffer(source);
  stream.on('data', (chunk: Buffer | string) => lines.push(chunk));
  stream.once('end', () => lines.end());
  stream.once('close', () => lines.end());
}

/** A spawned process's stderr (logs, refusals) and stdout (answers, CLI output) both go to the sink. */
export function captureChild(child: ChildProcess, source = 'bin'): void {
  if (child.stderr) captureStream(child.stderr, `${source} stderr`);
  if (child.stdout) captureStream(child.stdout, `${source} stdout`);
}

/** A spawnSync result's output. */
export function captureOutput(
  source: string,
  r: { stdout?: string | Buffer | null; stderr?: string | Buffer | null },
): void {
  captureText(`${source} stderr`, r.stderr);
  captureText(`${source} stdout`, r.stdout);
}

/** The bot's own logger (pino with its redaction) at debug, into the sink: nothing reaches the terminal. */
export function testLogger(level = 'debug'): ReturnType<typeof createLogger> {
  return createLogger(level, sinkStream('pino'));
}

/** What the sink holds for the running test file (for the sink's own tests). */
export function pending(): { lines: readonly CapturedLine[]; secrets: ReadonlySet<string> } {
  return { lines: state.lines, secrets: state.secrets };
}

/** Writes a test file's captured lines and registered secrets to CAPTURE_DIR and empties the sink. */
export function flushCaptures(testFile: string): { file: string; lines: number } {
  const relative = path.relative(ROOT, testFile).split(path.sep).join('/');
  const id = `${relative.replace(/[^\w.-]+/g, '_')}.${process.env.VITEST_POOL_ID ?? 0}.${process.pid}`;
  const lines = state.lines.splice(0);
  const secrets = [...state.secrets];
  state.secrets.clear();
  mkdirSync(CAPTURE_DIR, { recursive: true });
  const file = path.join(CAPTURE_DIR, `${id}.ndjson`);
  appendFileSync(file, lines.map((l) => `${JSON.stringify({ file: relative, ...l })}\n`).join(''));
  const secretsFile = path.join(CAPTURE_DIR, `${id}.secrets.json`);
  // A file flushed twice by one worker keeps the secrets of both flushes.
  if (existsSync(secretsFile)) secrets.push(...(JSON.parse(readFileSync(secretsFile, 'utf8')) as string[]));
  if (secrets.length) writeFileSync(secretsFile, `${JSON.stringify([...new Set(secrets)])}\n`);
  return { file, lines: lines.length };
}
