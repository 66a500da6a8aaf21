import { mkdtempSync, rmSync } from 'node:fs';
import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCatalog, scoreAnswers, TYPO_KINDS, writeCatalog } from '../../bench/helpers/catalog.mjs';
import { createBot } from '../../src/core/bot.js';
import { loadContent } from '../../src/core/content/load-content.js';

// 1,000 roles whose titles share words, half with aliases; 2,000 questions with
// a typo of a varied kind and a topic. Rates are floors; speed is the bench's.
const catalog = generateCatalog({ count: 1000, seed: 2024 });
const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-catalog-'));
writeCatalog(dir, catalog);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const loaded = loadContent(dir);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
const bot = createBot({ content: loaded.content, surface: consoleSurface });

describe('a catalog of 1,000 roles with shared title words', () => {
  it('finds the role for at least 98% of typo questions and names a wrong role for at most 0.5%', () => {
    const s = scoreAnswers(catalog.questions, (q) => bot.answer(q).role);
    const misses = s.misses
      .slice(0, 10)
      .map((m) => `[${m.kind}] ${m.q} -> ${m.got}`)
      .join('\n');
    expect(s.found, misses).toBeGreaterThanOrEqual(0.98);
    expect(s.wrong, misses).toBeLessThanOrEqual(0.005);
  });

  it.each(TYPO_KINDS)('handles the %s typo kind', (kind) => {
    const asked = catalog.questions.filter((q) => q.kind === kind);
    expect(asked.length).toBeGreaterThan(50);
    const s = scoreAnswers(asked, (q) => bot.answer(q).role);
    expect(s.found).toBeGreaterThanOrEqual(0.95);
    expect(s.wrong).toBeLessThanOrEqual(0.01);
  });

  it('prefers the title the question spelled over an alias that explains fewer of its words', () => {
    const role = catalog.roles.find(
      (r) => r.aliases.length && r.words.length === 3 && r.aliases[0]!.split(' ')[0] === r.words[0],
    )!;
    const longest = role.words[1]!;
    const typo = `${longest.slice(0, 2)}${longest.slice(3)}`;
    const a = bot.answer(`${role.words[0]} ${typo} ${role.words[2]} skills`);
    expect(a.role).toBe(role.id);
  });

  it('autocomplete puts the exact title first and finds partial and misspelt names among 25', () => {
    for (const role of catalog.roles.slice(0, 100)) {
      expect(bot.suggestRoles(role.title, 25)[0]?.id).toBe(role.id);
      const partial = bot.suggestRoles(role.title.slice(0, role.title.lastIndexOf(' ') + 3), 25);
      expect(partial.length).toBeLessThanOrEqual(25);
      expect(partial.map((r) => r.id)).toContain(role.id);
      const swapped = role.title.toLowerCase().replace(/(\w)(\w)(\w*)$/, '$2$1$3');
      expect(
        bot.suggestRoles(swapped, 25).map((r) => r.id),
        swapped,
      ).toContain(role.id);
    }
  });
});
