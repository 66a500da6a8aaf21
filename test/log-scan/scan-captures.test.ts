import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeFindings, scanCaptures } from './scan-captures.js';

const SECRET = 'registered-secret-0123456789';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A capture directory as test/setup/log-sink.ts writes it, outside the suite's own. */
function captures(lines: string[], secrets: string[] = [SECRET]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-log-scan-'));
  dirs.push(dir);
  const entries = lines.map((line) => JSON.stringify({ file: 'test/x.test.ts', source: 'pino', test: 'a test', line }));
  writeFileSync(path.join(dir, 'test_x.test.ts.1.42.ndjson'), entries.map((e) => `${e}\n`).join(''));
  writeFileSync(path.join(dir, 'test_x.test.ts.1.42.secrets.json'), JSON.stringify(secrets));
  return dir;
}

describe('scanCaptures (what the log-scan project runs over the suite)', () => {
  it('reports a registered secret, naming file, test and source, with the secret masked in the message', () => {
    const scan = scanCaptures(captures(['{"msg":"ok"}', `{"msg":"oops","err":"bad key ${SECRET} here"}`]));
    expect(scan).toMatchObject({ captureFiles: 1, lines: 2, secrets: 1 });
    expect(scan.findings).toHaveLength(1);
    expect(scan.findings[0]).toMatchObject({ file: 'test/x.test.ts', test: 'a test', source: 'pino' });
    const message = describeFindings(scan.findings);
    expect(message).toContain('test/x.test.ts > a test (pino');
    expect(message).toContain('bad key [masked regi…, 28 chars] here');
    expect(message).not.toContain(SECRET);
  });

  it('catches a Slack token nobody registered, by its shape', () => {
    const scan = scanCaptures(captures(['Bearer xoxb-1234-5678-abcdef', 'xapp-1-A1-999', 'xoxb-… and xoxb-1 are not']));
    expect(scan.findings.map((f) => f.what)).toEqual(['a Slack token (by pattern)', 'a Slack token (by pattern)']);
    const message = describeFindings(scan.findings);
    expect(message).not.toMatch(/xoxb-1234|xapp-1-A1/);
  });

  it('finds nothing in clean lines, and nothing at all in a missing directory', () => {
    expect(scanCaptures(captures(['{"token":"[redacted]"}'])).findings).toEqual([]);
    expect(scanCaptures(path.join(tmpdir(), 'career-bot-no-such-dir'))).toEqual({
      captureFiles: 0,
      lines: 0,
      secrets: 0,
      findings: [],
    });
  });
});
