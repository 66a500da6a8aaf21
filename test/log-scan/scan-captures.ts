import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CapturedLine } from '../helpers/log-sink.js';

/**
 * Slack tokens by shape, so one the suite never registered is still caught: bot, user, app-level config and
 * refresh tokens (xoxb-, xoxp-, xoxa-, xoxe-, xoxr-, xoxs-) with at least 6 token characters after the prefix,
 * and app-level tokens (xapp-1-...).
 */
export const TOKEN_PATTERNS: readonly RegExp[] = [/xox[abpers]-[A-Za-z0-9-]{6,}/g, /xapp-\d-[A-Za-z0-9-]*/g];

export interface Finding {
  /** The capture file under the capture directory. */
  capture: string;
  /** The test file whose run logged the line, and the test when known. */
  file: string;
  test?: string;
  source: string;
  /** 'a registered secret' or 'a Slack token (by pattern)'. */
  what: string;
  /** The line around the secret, with every secret and token in it masked. */
  excerpt: string;
}

export interface ScanResult {
  captureFiles: number;
  lines: number;
  secrets: number;
  findings: Finding[];
}

/** Reads every capture file (*.ndjson) and registered secret (*.secrets.json) in `dir` and reports each leak. */
export function scanCaptures(dir: string): ScanResult {
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const secrets = new Set<string>();
  for (const name of names.filter((n) => n.endsWith('.secrets.json')))
    for (const s of JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as string[]) secrets.add(s);
  // Longest first, so a secret that contains another is masked whole.
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  const captures = names.filter((n) => n.endsWith('.ndjson'));
  const findings: Finding[] = [];
  let lines = 0;
  for (const capture of captures) {
    for (const raw of readFileSync(path.join(dir, capture), 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      lines += 1;
      const entry = parse(raw, capture);
      const what = sorted.some((s) => entry.line.includes(s))
        ? 'a registered secret'
        : TOKEN_PATTERNS.some((p) => new RegExp(p.source).test(entry.line))
          ? 'a Slack token (by pattern)'
          : undefined;
      if (!what) continue;
      findings.push({
        capture,
        file: entry.file,
        ...(entry.test ? { test: entry.test } : {}),
        source: entry.source,
        what,
        excerpt: excerpt(mask(entry.line, sorted)),
      });
    }
  }
  return { captureFiles: captures.length, lines, secrets: secrets.size, findings };
}

function parse(raw: string, capture: string): CapturedLine & { file: string } {
  try {
    const entry = JSON.parse(raw) as CapturedLine & { file: string };
    if (typeof entry.line === 'string') return entry;
  } catch {
    // Not written by the sink: scan the raw text.
  }
  return { file: capture, source: 'unknown', line: raw };
}

const MASK_START = '[masked ';

/** Replaces every given secret and every token-shaped string with a note of its length (and prefix, when long). */
export function mask(text: string, secrets: readonly string[]): string {
  const note = (s: string) => `${MASK_START}${s.length >= 16 ? `${s.slice(0, 4)}…, ` : ''}${s.length} chars]`;
  let out = text;
  for (const s of secrets) out = out.split(s).join(note(s));
  for (const p of TOKEN_PATTERNS) out = out.replace(p, note);
  return out;
}

/** Up to 100 characters either side of the first masked value. */
function excerpt(masked: string): string {
  const at = Math.max(0, masked.indexOf(MASK_START));
  const start = Math.max(0, at - 100);
  const end = Math.min(masked.length, at + 140);
  return `${start > 0 ? '…' : ''}${masked.slice(start, end)}${end < masked.length ? '…' : ''}`;
}

/** The failure message: one block a finding (at most `most`), the secrets already masked. */
export function describeFindings(findings: readonly Finding[], most = 40): string {
  const shown = findings
    .slice(0, most)
    .map((f) =>
      [`${f.file}${f.test ? ` > ${f.test}` : ''} (${f.source}, ${f.capture}): ${f.what}`, `    ${f.excerpt}`].join(
        '\n',
      ),
    );
  const more = findings.length > most ? [`(+${findings.length - most} more)`] : [];
  return [`${findings.length} captured log line(s) hold a secret:`, ...shown, ...more].join('\n');
}
