import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureOutput, registerSecretsIn } from '../helpers/log-sink.js';

// Runs the built CLI (dist/, from `npm run build`), like test/cli.test.ts.
const BIN = fileURLToPath(new URL('../../bin/career-bot.js', import.meta.url));
// No credentials from the developer's shell may leak into these runs; cwd has no .env.
const ENV = { PATH: process.env.PATH ?? '', HOME: tmpdir() };
const TOKEN = 'fake-token-0123456789abcdef';

function run(args: string[], env: Record<string, string>) {
  registerSecretsIn(env);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: '',
    encoding: 'utf8',
    env: { ...ENV, ...env },
    timeout: 60_000,
    cwd: tmpdir(),
  });
  captureOutput('bin', r);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('career-bot refuses malformed Discord configuration at start, naming the variable', () => {
  it.each([
    ['DISCORD_APPLICATION_ID', 'my-bot', /DISCORD_APPLICATION_ID: .*numeric application id/],
    ['DISCORD_APPLICATION_ID', '12345678901234567890123456', /DISCORD_APPLICATION_ID: .*numeric application id/],
    ['DISCORD_API_URL', 'discord.com/api', /DISCORD_API_URL: .*URL/],
    ['DISCORD_API_URL', 'ftp://127.0.0.1/api', /DISCORD_API_URL: .*http\(s\) URL/],
  ])('%s=%s', (name, value, message) => {
    const r = run([], { DISCORD_TOKEN: TOKEN, [name]: value });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid configuration');
    expect(r.stderr).toMatch(message);
    // It stops before connecting anywhere or opening the console chat.
    expect(r.stdout).toBe('');
  });

  it('and so does `career-bot discord register`', () => {
    const r = run(['discord', 'register'], { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: 'my-bot' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DISCORD_APPLICATION_ID: .*numeric application id/);
  });
});
