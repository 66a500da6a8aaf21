import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentWarnings } from '../../src/core/content/content-warnings.js';
import { loadContent } from '../../src/core/content/load-content.js';
import { formatProblem } from '../../src/core/content/types.js';
import { captureOutput } from '../helpers/log-sink.js';

const BIN = fileURLToPath(new URL('../../bin/career-bot.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(path.join(dir, 'roles'));
const bullets = (n: number) => Array.from({ length: n }, (_, i) => `- Point number ${i + 1}.`).join('\n');
writeFileSync(
  path.join(dir, 'roles', 'harbour-pilot.md'),
  `---\nid: harbour-pilot\ntitle: Harbour Pilot\naliases:\n  - pilot\n  - river guide\nrelated: [river-pilot]\n---\n\n## Overview\n\nGuides ships.\n\n## Skills\n\n${bullets(9)}\n\n## Challenges\n\n${'Long sentence about fog and tides. '.repeat(50)}\n`,
);
writeFileSync(
  path.join(dir, 'roles', 'river-pilot.md'),
  `---\nid: river-pilot\ntitle: River Pilot\naliases: []\nrelated: [harbour-pilot]\n---\n\n## Overview\n\nGuides barges.\n`,
);
writeFileSync(
  path.join(dir, 'roles', 'lock-keeper.md'),
  `---\nid: lock-keeper\ntitle: Pilot Lock Keeper\naliases: []\n---\n\n## Overview\n\nRuns the locks.\n\n## Skills\n\n${bullets(8)}\n`,
);

describe('content warnings', () => {
  const loaded = loadContent(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const warnings = contentWarnings(loaded.content).map((w) => formatProblem(w).replace(`${dir}${path.sep}`, ''));

  it('names a role with no related roles', () => {
    expect(warnings).toContainEqual(expect.stringMatching(/^roles\/lock-keeper\.md:1: related: no related roles/));
    expect(warnings.filter((w) => w.includes('related:'))).toHaveLength(1);
  });

  it('names sections over 8 bullets or 1,500 characters, at their heading line', () => {
    expect(warnings).toContainEqual(
      expect.stringMatching(/^roles\/harbour-pilot\.md:14: skills: section is \d+ characters and 9 bullets/),
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(/^roles\/harbour-pilot\.md:26: challenges: section is 17\d\d characters/),
    );
    // Exactly 8 bullets is fine.
    expect(warnings.some((w) => w.startsWith('roles/lock-keeper.md') && w.includes('skills'))).toBe(false);
  });

  it("names an alias that is the start of another role's title", () => {
    expect(warnings).toContainEqual(
      'roles/harbour-pilot.md:5: aliases.0: alias "pilot" is the start of lock-keeper\'s title "Pilot Lock Keeper"',
    );
    expect(warnings.some((w) => w.includes('river guide'))).toBe(false);
  });

  it('career-bot check prints them and still exits 0', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--content', dir], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      cwd: tmpdir(),
    });
    captureOutput('bin', r);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^content ok: 3 roles/);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('warning: '))).toHaveLength(warnings.length);
  });
});

describe('the shipped content', () => {
  const shipped = loadContent(fileURLToPath(new URL('../../content', import.meta.url)));
  if (!shipped.ok) throw new Error(JSON.stringify(shipped.problems));

  it('has no check warnings: every role has related roles, every section fits a chat answer', () => {
    expect(contentWarnings(shipped.content).map(formatProblem)).toEqual([]);
  });

  it('has no two tips that say the same thing (at most half their words shared)', () => {
    const words = (t: string) => new Set(t.toLowerCase().match(/[a-z]{4,}/g) ?? []);
    const tips = shipped.content.tips.map((t) => ({ id: t.id, words: words(t.text) }));
    const close: string[] = [];
    tips.forEach((a, i) =>
      tips.slice(i + 1).forEach((b) => {
        const shared = [...a.words].filter((w) => b.words.has(w)).length;
        if (shared / Math.min(a.words.size, b.words.size) > 0.5) close.push(`${a.id} ~ ${b.id}`);
      }),
    );
    expect(close).toEqual([]);
    expect(new Set(shipped.content.tips.map((t) => t.text)).size).toBeGreaterThanOrEqual(52);
  });
});
