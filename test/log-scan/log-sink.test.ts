import { describe, expect, it } from 'vitest';
import { captureEntry, pending, registerSecret, registerSecretsIn, sinkStream, toJson } from '../helpers/log-sink.js';

describe('the log sink (test/helpers/log-sink.ts)', () => {
  it('keeps what JSON.stringify drops from an error: message, stack and cause, nested too', () => {
    const cause = new Error('inner detail');
    const json = toJson({ err: new Error('outer detail', { cause }), n: 1n });
    expect(JSON.parse(json)).toMatchObject({
      err: { type: 'Error', message: 'outer detail', cause: { message: 'inner detail' } },
      n: '1',
    });
    expect(json).toContain('log-sink.test.ts');
  });

  it('survives a cycle', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(JSON.parse(toJson(a))).toEqual({ name: 'a', self: '[Repeated]' });
  });

  it('joins chunks into whole lines, so a value split between two writes is one line', async () => {
    const before = pending().lines.length;
    const stream = sinkStream('split test');
    stream.write('{"msg":"first half of ');
    stream.write('one line"}\n{"msg":"second"}\n{"msg":"no newline"}');
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(pending().lines.slice(before)).toEqual([
      { source: 'split test', test: expect.any(String), line: '{"msg":"first half of one line"}' },
      { source: 'split test', test: expect.any(String), line: '{"msg":"second"}' },
      { source: 'split test', test: expect.any(String), line: '{"msg":"no newline"}' },
    ]);
  });

  it('captures a memory logger entry as one JSON line naming the test', () => {
    captureEntry('memoryLogger', { level: 'info', msg: 'hello' });
    expect(pending().lines.at(-1)).toEqual({
      source: 'memoryLogger',
      test: expect.stringContaining('captures a memory logger entry'),
      line: '{"level":"info","msg":"hello"}',
    });
  });

  it('registers secrets of 8 characters or more, from a value or the secret variables of an environment', () => {
    registerSecret('short');
    registerSecret('hunter2');
    registerSecretsIn({
      SLACK_BOT_TOKEN: 'xoxb-sink-test-token',
      PORT: '12345678',
      DATABASE_URL: 'postgres://bob:a%2Fsink-password@db/career',
    });
    const { secrets } = pending();
    expect(secrets.has('short')).toBe(false);
    expect(secrets.has('hunter2')).toBe(false);
    expect(secrets.has('12345678')).toBe(false);
    expect(secrets.has('xoxb-sink-test-token')).toBe(true);
    expect(secrets.has('a/sink-password')).toBe(true);
  });
});
