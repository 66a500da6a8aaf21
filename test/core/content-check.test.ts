import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import { loadContent } from '../../src/core/content/load-content.js';
import { renderText } from '../../src/core/render-text.js';
import { formatProblem, sectionsOf } from '../../src/core/content/types.js';
import { CONTENT_DIR, contentCopy, editFile, rolesFolder } from '../helpers/content.js';
import { sharedFile } from '../setup/shared-file.js';

function problemsAfter(break_: (dir: string) => void): string[] {
  const dir = contentCopy();
  break_(dir);
  const result = loadContent(dir);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map((p) => formatProblem(p).replace(`${dir}${path.sep}`, ''));
}

const role = (dir: string, id: string) => path.join(dir, 'roles', `${id}.md`);
/** A role file with only the contract's minimum fields. */
const QUANTUM =
  '---\nid: quantum-engineer\ntitle: Quantum Engineer\naliases: []\n---\n\n## Overview\n\nBuilds quantum things.\n';

describe('the shipped content', () => {
  it('is valid, with the five contract roles and a year of tips', () => {
    const result = loadContent(CONTENT_DIR);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const { roles, tips } = result.content;
    expect(roles.map((r) => r.id).sort()).toEqual([
      'knowledge-graph-engineer',
      'laboratory-automation-engineer',
      'language-ai-engineer',
      'llm-sme',
      'ml-systems-engineer',
    ]);
    expect(tips.length).toBeGreaterThanOrEqual(52);
    for (const r of roles) {
      expect(tips.filter((t) => t.roles.includes(r.id)).length, r.id).toBeGreaterThanOrEqual(3);
      expect(sectionsOf(r)).toContain('overview');
    }
    for (const t of tips) expect(t.text.length, t.id).toBeLessThanOrEqual(280);
  });

  it('only ml-systems-engineer carries salary figures, all five cities among them', () => {
    const { content } = loadContent(CONTENT_DIR) as { content: import('../../src/core/content/types.js').Content };
    const withPay = content.roles.filter((r) => r.salary).map((r) => r.id);
    expect(withPay).toEqual(['ml-systems-engineer']);
    expect(Object.keys(content.roleById.get('ml-systems-engineer')!.salary!.locations).sort()).toEqual([
      'austin',
      'chicago',
      'new-york',
      'san-francisco',
      'seattle',
    ]);
  });

  const overlapTool = sharedFile('tools/seed-overlap.mjs', 'the seed-overlap guard (test/core/content-check.test.ts)');
  it.skipIf(!existsSync(overlapTool))('shares no ten-word run with the seed material', () => {
    const run = spawnSync(process.execPath, [overlapTool, CONTENT_DIR], { encoding: 'utf8' });
    expect(run.stdout).toContain('shared runs: 0');
  });
});

describe('career-bot check rejects broken content, naming file, line and field', () => {
  it.each<[string, (dir: string) => void, RegExp]>([
    [
      'malformed front matter',
      (d) => editFile(role(d, 'llm-sme'), (t) => t.replace('title: Large Language Model SME', 'title: [unclosed')),
      /roles\/llm-sme\.md:[34]: malformed YAML/,
    ],
    [
      'missing front matter',
      (d) => editFile(role(d, 'llm-sme'), (t) => t.replace(/^---\n/, '')),
      /roles\/llm-sme\.md:1: missing front matter/,
    ],
    [
      'an unknown section heading',
      (d) => editFile(role(d, 'llm-sme'), (t) => t.replace('## Trends', '## Hobbies')),
      /roles\/llm-sme\.md:\d+: unknown section heading "Hobbies"/,
    ],
    [
      'a file name that differs from its id',
      (d) => renameSync(role(d, 'llm-sme'), role(d, 'llm-expert')),
      /roles\/llm-expert\.md:2: id: id "llm-sme" differs from the file name "llm-expert"/,
    ],
    [
      'an alias claimed by two roles',
      (d) => editFile(role(d, 'llm-sme'), (t) => t.replace('  - llm sme\n', '  - llm sme\n  - ML engineer\n')),
      /roles\/(llm-sme|ml-systems-engineer)\.md:\d+: aliases\.\d+: "(ML|ml) engineer" is claimed by two roles/,
    ],
    [
      'a tip naming an unknown role',
      (d) =>
        editFile(path.join(d, 'tips', 'llm-sme.yaml'), (t) =>
          t.replace('roles: [llm-sme]', 'roles: [llm-sme, astronaut]'),
        ),
      /tips\/llm-sme\.yaml:2: roles\.1: tip "llm-pain-point-interview" names unknown role "astronaut"/,
    ],
    [
      'an empty section',
      (d) => editFile(role(d, 'llm-sme'), (t) => t.replace(/## Trends\n[\s\S]*$/, '## Trends\n\n')),
      /roles\/llm-sme\.md:\d+: trends: section is empty/,
    ],
    [
      'a salary figure that is not a number',
      (d) => editFile(role(d, 'ml-systems-engineer'), (t) => t.replace('entry: { min: 75000', 'entry: { min: "lots"')),
      /roles\/ml-systems-engineer\.md:30: salary\.levels\.entry\.min: must be a number/,
    ],
    [
      'a range whose min exceeds its max',
      (d) =>
        editFile(role(d, 'ml-systems-engineer'), (t) =>
          t.replace('entry: { min: 75000, max: 132000 }', 'entry: { min: 175000, max: 132000 }'),
        ),
      /roles\/ml-systems-engineer\.md:30: salary\.levels\.entry\.min: min exceeds max/,
    ],
    [
      'a duplicate tip id',
      (d) =>
        editFile(path.join(d, 'tips', 'llm-sme.yaml'), (t) =>
          t.replace('id: llm-one-page-roadmap', 'id: llm-pain-point-interview'),
        ),
      /tips\/llm-sme\.yaml:\d+: id: duplicate tip id "llm-pain-point-interview"/,
    ],
    [
      'a tip on an unknown section',
      (d) =>
        editFile(path.join(d, 'tips', 'llm-sme.yaml'), (t) =>
          t.replace('section: responsibilities', 'section: gossip'),
        ),
      /tips\/llm-sme\.yaml:\d+: \d+\.section: is not a section id/,
    ],
    [
      'a duplicate id in two files',
      (d) => writeFileSync(role(d, 'llm-sme-copy'), '---\nid: llm-sme\ntitle: Copy\n---\n## Overview\n\nx\n'),
      /duplicate id "llm-sme"|differs from the file name "llm-sme-copy"/,
    ],
  ])('%s', (_, break_, expected) => {
    expect(problemsAfter(break_).join('\n')).toMatch(expected);
  });

  it('loads a folder holding a subset of the roles, ignoring related roles that are not there', () => {
    const result = loadContent(rolesFolder({ 'llm-sme.md': readFileSync(role(CONTENT_DIR, 'llm-sme'), 'utf8') }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.content.roles[0]!.related).toEqual([]);
  });

  it('accepts a "## Salary" prose section (a contract section id) and quotes it when there are no figures', () => {
    const result = loadContent(
      rolesFolder({ 'quantum-engineer.md': `${QUANTUM}\n## Salary\n\nPay varies widely by lab.\n` }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = renderText(
      createBot({ surface: consoleSurface, content: result.content }).answer('quantum engineer salary').reply,
    );
    expect(text).toContain('Pay varies widely by lab.');
  });

  it('loads a folder holding only role files with the contract minimum fields', () => {
    const result = loadContent(rolesFolder({ 'quantum-engineer.md': QUANTUM }));
    expect(result.ok).toBe(true);
  });
});
