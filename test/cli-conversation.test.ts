import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureOutput, captureText } from './helpers/log-sink.js';

const BIN = fileURLToPath(new URL('../bin/career-bot.js', import.meta.url));
const ENV = { PATH: process.env.PATH ?? '', HOME: tmpdir() };

function run(args: string[], input: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: ENV,
    timeout: 120_000,
    cwd: tmpdir(),
    maxBuffer: 1 << 28,
  });
  captureOutput('bin', r);
  return {
    code: r.status,
    lines: r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
    stderr: r.stderr,
  };
}
const line = (conversation: unknown, text: unknown) => JSON.stringify({ conversation, text });

describe('career-bot ask --json --conversation', () => {
  it('answers each line in its own conversation, interleaved, in order', () => {
    const r = run(
      ['ask', '--json', '--conversation'],
      [
        line('a', 'entry level ml systems engineer pay in austin'),
        line('b', 'tell me about knowledge graph engineers'),
        line('a', 'and in chicago?'),
        line('b', 'what do they do all day?'),
        line('c', 'and in chicago?'),
        line('b', 'compare with an llm sme'),
      ].join('\n'),
    );
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.role, l.location ?? l.section])).toEqual([
      ['ml-systems-engineer', 'austin'],
      ['knowledge-graph-engineer', 'overview'],
      ['ml-systems-engineer', 'chicago'],
      ['knowledge-graph-engineer', 'responsibilities'],
      [null, null],
      ['knowledge-graph-engineer', 'responsibilities'],
    ]);
    expect(r.lines[5]!.intent).toBe('compare');
    expect(r.lines[5]!.roles).toEqual(['knowledge-graph-engineer', 'llm-sme']);
  });

  it('answers bad lines with a clear error object and carries on', () => {
    const r = run(
      ['ask', '--json', '--conversation'],
      [
        'this is not json',
        JSON.stringify({ conversation: 'a' }),
        JSON.stringify([1, 2]),
        line('x'.repeat(10_000), 'llm sme challenges'),
        line(7, 'ml systems engineer'),
        '',
        line('a', 'llm sme'),
      ].join('\r\n'),
    );
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(7);
    expect(r.lines[0]).toEqual({ line: 1, error: expect.stringMatching(/not JSON/) });
    expect(r.lines[1]).toEqual({ line: 2, error: expect.stringMatching(/"text"/) });
    expect(r.lines[2]).toEqual({ line: 3, error: expect.stringMatching(/not a JSON object/) });
    expect(r.lines[3]).toMatchObject({ intent: 'role', role: 'llm-sme', section: 'challenges' });
    expect(r.lines[4]).toMatchObject({ intent: 'role', role: 'ml-systems-engineer' });
    expect(r.lines[5]).toEqual({ line: 6, error: expect.stringMatching(/empty line/) });
    expect(r.lines[6]).toMatchObject({ role: 'llm-sme' });
  });

  it('cuts an over-long line before reading it', () => {
    const r = run(['ask', '--json', '--conversation'], `${line('a', 'x'.repeat(200_000))}\n${line('a', 'llm sme')}\n`);
    expect(r.lines[0]).toEqual({ line: 1, error: expect.stringMatching(/longer than/) });
    expect(r.lines[1]).toMatchObject({ role: 'llm-sme' });
  });

  it('drops the least recently used conversations beyond its bound, in a small heap', () => {
    // 20,000 ids against a 256 MB heap; the million-id run is in bench/conversation.bench.mjs.
    const input = Array.from({ length: 20_000 }, (_, i) => line(`c${i}`, i % 2 ? 'and in chicago?' : 'llm sme')).join(
      '\n',
    );
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, 'ask', '--json', '--conversation'], {
      input,
      env: ENV,
      timeout: 300_000,
      cwd: tmpdir(),
      maxBuffer: 1 << 30,
    });
    // Its stderr only: the 20,000 answers on stdout are content, not logs, and would add megabytes to the capture.
    captureText('bin stderr', r.stderr);
    expect(r.status).toBe(0);
    expect(r.stdout.toString().split('\n').filter(Boolean)).toHaveLength(20_000);
  }, 300_000);
});

describe('the plain batch reader', () => {
  it('splits on \\n only: CRLF loses its \\r, a lone \\r stays inside the line', () => {
    const r = run(['ask', '--json'], 'llm sme\r\nml systems engineer\rskills\n');
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatchObject({ role: 'llm-sme' });
  });
});
