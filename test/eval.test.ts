import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderText } from '../src/core/render-text.js';
import { sharedFile } from './setup/shared-file.js';
import { shippedBot } from './helpers/content.js';
import { caseMisses, readCases, type LabelledCase } from './helpers/score-case.js';

const bot = shippedBot();

/** The kit's scorer's rules on one question asked on its own. */
function misses(c: LabelledCase): string[] {
  const a = bot.answer(c.q.replace(/\n/g, ' '));
  return caseMisses(c, a as unknown as Record<string, unknown>, renderText(a.reply));
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
      const cases = readCases(file);
      const failed = cases.map((c) => [c.q, misses(c)] as const).filter(([, m]) => m.length);
      const accuracy = (cases.length - failed.length) / cases.length;
      expect(
        accuracy,
        failed.map(([q, m]) => `${JSON.stringify(q)}: ${m.join('; ')}`).join('\n'),
      ).toBeGreaterThanOrEqual(0.95);
    });
  }
});
