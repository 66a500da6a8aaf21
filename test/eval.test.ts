import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderText } from '../src/core/render-text.js';
import { sharedFile } from './setup/shared-file.js';
import { shippedBot } from './helpers/content.js';

interface Case {
  q: string;
  text_excludes?: string;
  [field: string]: unknown;
}

const FIELDS = ['intent', 'role', 'section', 'level', 'location'] as const;
const bot = shippedBot();

/** The same rule as shared/eval/score.mjs: a list is "any of", null must be null. */
function misses(c: Case): string[] {
  const a = bot.answer(c.q.replace(/\n/g, ' '));
  const got = a as unknown as Record<string, unknown>;
  const out: string[] = FIELDS.filter((f) => f in c)
    .filter((f) => {
      const want = c[f];
      return Array.isArray(want) ? !want.includes(got[f] ?? null) : want !== (got[f] ?? null);
    })
    .map((f) => `${f}: want ${JSON.stringify(c[f])} got ${JSON.stringify(got[f])}`);
  if (c.text_excludes && renderText(a.reply).includes(c.text_excludes)) out.push(`text has ${c.text_excludes}`);
  return out;
}

const sets = [
  ['the shared dev set', sharedFile('eval/dev.jsonl', 'the dev-set accuracy (test/eval.test.ts)')],
  ['our first probe set', fileURLToPath(new URL('./fixtures/probe.jsonl', import.meta.url))],
  ['our second probe set', fileURLToPath(new URL('../bench/fixtures/probe2.jsonl', import.meta.url))],
  ['our third probe set', fileURLToPath(new URL('./fixtures/probe3.jsonl', import.meta.url))],
  [
    'our fourth probe set (written before the issue-11 matcher)',
    fileURLToPath(new URL('./fixtures/probe4.jsonl', import.meta.url)),
  ],
] as const;

describe('question understanding accuracy (bar: 95%)', () => {
  for (const [name, file] of sets) {
    it.skipIf(!existsSync(file))(name, () => {
      const cases = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Case);
      const failed = cases.map((c) => [c.q, misses(c)] as const).filter(([, m]) => m.length);
      const accuracy = (cases.length - failed.length) / cases.length;
      expect(
        accuracy,
        failed.map(([q, m]) => `${JSON.stringify(q)}: ${m.join('; ')}`).join('\n'),
      ).toBeGreaterThanOrEqual(0.95);
    });
  }
});
