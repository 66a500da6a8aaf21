import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentCopy, editFile, rolesFolder } from './helpers/content.js';
import { captureChild, captureOutput, registerSecretsIn } from './helpers/log-sink.js';

const BIN = fileURLToPath(new URL('../bin/career-bot.js', import.meta.url));
// No credentials from the developer's shell may leak into these runs.
const ENV = { PATH: process.env.PATH ?? '', HOME: tmpdir() };

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  registerSecretsIn(env);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...ENV, ...env },
    timeout: 60_000,
    cwd: tmpdir(),
  });
  captureOutput('bin', r);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('career-bot ask', () => {
  it('prints a plain-text answer', () => {
    const r = run(['ask', 'knowledge graph engineer skills']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Knowledge Graph Engineer · Skills\n/);
    expect(r.stdout).toContain('SPARQL');
  });

  it('prints the contract JSON with --json', () => {
    const r = run(['ask', '--json', 'senior ml systems engineer salary austin']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(Object.keys(a).sort()).toEqual([
      'confidence',
      'intent',
      'level',
      'location',
      'role',
      'roles',
      'section',
      'suggestions',
      'text',
    ]);
    expect(a).toMatchObject({
      intent: 'salary',
      role: 'ml-systems-engineer',
      section: null,
      level: 'senior',
      location: 'austin',
    });
    expect(a.text).toContain('$128,000 – $157,000');
  });

  it('streams stdin in batch mode: one JSON line per input line, empty lines included, in order', () => {
    const qs = ['ml systems engineer', '', 'nurse', 'show me all roles', 'llm sme challenges'];
    const r = run(['ask', '--json'], `${qs.join('\n')}\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.intent)).toEqual(['role', 'help', 'unknown', 'list', 'role']);
  });

  it('handles a last line with no newline and CRLF input', () => {
    const r = run(['ask', '--json'], 'lab automation engineer\r\nlanguage ai engineer skills');
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).role),
    ).toEqual(['laboratory-automation-engineer', 'language-ai-engineer']);
  });

  it('streams: the first answer arrives before stdin closes', async () => {
    const child = spawn(process.execPath, [BIN, 'ask', '--json'], { env: ENV });
    captureChild(child);
    const first = new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    child.stdin.write('llm sme\n');
    expect(JSON.parse((await first).split('\n')[0]!).role).toBe('llm-sme');
    child.stdin.end();
    await new Promise((r) => child.once('close', r));
  });

  it('uses --content DIR, which may hold only role files', () => {
    const dir = rolesFolder({
      'quantum-engineer.md':
        '---\nid: quantum-engineer\ntitle: Quantum Engineer\naliases: [qubit engineer]\n---\n\n## Overview\n\nBuilds quantum computers.\n\n## Skills\n\n- Linear algebra\n',
    });
    const r = run(['ask', '--json', '--content', dir, 'qubit engineer skills']);
    expect(JSON.parse(r.stdout)).toMatchObject({ intent: 'role', role: 'quantum-engineer', section: 'skills' });
    expect(run(['tips', 'list', '--json', '--content', dir]).stdout.trim()).toBe('[]');
  });
});

describe('career-bot check', () => {
  it('passes on the shipped content', () => {
    const r = run(['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/content ok: 5 roles, \d+ tips/);
  });

  it('fails naming file, line and field, and the bot refuses to start with the same message', () => {
    const dir = contentCopy();
    editFile(path.join(dir, 'roles', 'ml-systems-engineer.md'), (t) =>
      t.replace('entry: { min: 75000', 'entry: { min: "lots"'),
    );
    const check = run(['check', '--content', dir]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/ml-systems-engineer\.md:30: salary\.levels\.entry\.min: must be a number/);
    const start = run(['--content', dir], '');
    expect(start.code).toBe(1);
    expect(start.stderr).toBe(check.stderr);
    const ask = run(['ask', '--content', dir, 'hi']);
    expect(ask.code).toBe(1);
  });
});

describe('career-bot tips list', () => {
  it('prints every tip as one JSON array of {id, roles, text}', () => {
    const r = run(['tips', 'list', '--json']);
    const tips = JSON.parse(r.stdout) as Array<{ id: string; roles: string[]; text: string }>;
    expect(tips.length).toBeGreaterThanOrEqual(52);
    for (const t of tips) {
      expect(typeof t.id).toBe('string');
      expect(t.roles.length).toBeGreaterThan(0);
      expect(t.text.length).toBeGreaterThan(20);
    }
    expect(new Set(tips.map((t) => t.id)).size).toBe(tips.length);
  });
});

describe('start-up', () => {
  it('opens the console chat when no credentials are set', () => {
    const r = run([], 'ml systems engineer\nquit\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('career-bot console');
    expect(r.stdout).toContain('ML Systems Engineer · Overview');
  });

  it('refuses malformed configuration, naming the variable', () => {
    const r = run([], '', { SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 'abcdef123456' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN');
  });

  it('rejects unknown commands and flags with usage', () => {
    expect(run(['frobnicate']).code).toBe(2);
    const r = run(['ask', '--nope', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage:');
  });
});
