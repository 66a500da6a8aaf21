import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content/load-content.js';
import { formatProblem } from '../../src/core/content/types.js';

const ROLE = '---\nid: harbour-pilot\ntitle: Harbour Pilot\naliases: []\n---\n\n## Overview\n\nGuides ships.\n';
const made: string[] = [];
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A valid one-role folder, then `change` breaks it; returns the problems, relative to the folder. */
function problemsAfter(change: (dir: string) => void | Promise<void>): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-folder-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'roles'));
  writeFileSync(path.join(dir, 'roles', 'harbour-pilot.md'), ROLE);
  return Promise.resolve(change(dir)).then(() => {
    const r = loadContent(dir);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.problems.map((p) => formatProblem(p).replace(`${dir}${path.sep}`, ''));
  });
}

describe('the content folder holds only regular files inside it', () => {
  it('refuses a symlink to a file outside the folder, without reading it', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'career-bot-outside-'));
    made.push(outside);
    writeFileSync(path.join(outside, 'secret.md'), ROLE.replace(/harbour-pilot/g, 'secret'));
    const problems = await problemsAfter((dir) =>
      symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'roles', 'secret.md')),
    );
    expect(problems).toEqual([expect.stringMatching(/^roles\/secret\.md:1: symlink leaves the content folder/)]);
  });

  it('accepts a symlink that stays inside the folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-folder-'));
    made.push(dir);
    mkdirSync(path.join(dir, 'roles'));
    mkdirSync(path.join(dir, 'drafts'));
    writeFileSync(path.join(dir, 'drafts', 'harbour-pilot.md'), ROLE);
    symlinkSync(path.join(dir, 'drafts', 'harbour-pilot.md'), path.join(dir, 'roles', 'harbour-pilot.md'));
    expect(loadContent(dir).ok).toBe(true);
  });

  it('names a dangling symlink', async () => {
    const problems = await problemsAfter((dir) =>
      symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'roles', 'ghost.md')),
    );
    expect(problems).toEqual(['roles/ghost.md:1: dangling symlink: its target does not exist']);
  });

  it('names a directory called like a role file', async () => {
    const problems = await problemsAfter((dir) => mkdirSync(path.join(dir, 'roles', 'x.md')));
    expect(problems).toEqual(['roles/x.md:1: not a regular file (a directory)']);
  });

  it('names a FIFO called like a role file, without hanging', async () => {
    const problems = await problemsAfter((dir) => {
      expect(spawnSync('mkfifo', [path.join(dir, 'roles', 'p.md')]).status).toBe(0);
    });
    expect(problems).toEqual(['roles/p.md:1: not a regular file (a FIFO)']);
  });

  it('names a socket called like a tips file', async () => {
    const problems = await problemsAfter(async (dir) => {
      mkdirSync(path.join(dir, 'tips'));
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(path.join(dir, 'tips', 's.yaml'), resolve));
    });
    expect(problems).toEqual(['tips/s.yaml:1: not a regular file (a socket)']);
  });

  it('names a file over 1 MB', async () => {
    const problems = await problemsAfter((dir) =>
      writeFileSync(path.join(dir, 'roles', 'huge.md'), `${ROLE}\n${'x'.repeat(1024 * 1024)}\n`),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^roles\/huge\.md:1: file is \d+ bytes; content files may be at most 1048576 bytes$/),
    ]);
  });

  it('names a YAML alias bomb as a file:line problem', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i += 1)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const problems = await problemsAfter((dir) => {
      mkdirSync(path.join(dir, 'tips'));
      writeFileSync(path.join(dir, 'tips', 'bomb.yaml'), `${bomb.join('\n')}\n`);
      writeFileSync(
        path.join(dir, 'roles', 'bomb.md'),
        `---\nid: bomb\ntitle: Bomb\n${bomb.join('\n')}\naliases: []\n---\n\n## Overview\n\nBoom.\n`,
      );
    });
    expect(problems).toEqual([
      expect.stringMatching(/^roles\/bomb\.md:2: malformed YAML: .*alias/i),
      expect.stringMatching(/^tips\/bomb\.yaml:1: malformed YAML: .*alias/i),
    ]);
  });
});
