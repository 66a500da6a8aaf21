import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMPTY_SLOTS, type ConversationSlots } from '../src/core/conversation/slots.js';
import { renderText } from '../src/core/render-text.js';
import { shippedBot } from './helpers/content.js';
import { caseMisses, readCases, type LabelledCase } from './helpers/score-case.js';
import { sharedFile } from './setup/shared-file.js';

const bot = shippedBot();

/** Scores a conversation set by the kit's scorer's rules, each conversation with its own context. */
function misses(cases: LabelledCase[]): string[] {
  const contexts = new Map<string, ConversationSlots>();
  const out: string[] = [];
  for (const c of cases) {
    const id = c.conversation ?? '';
    const turn = bot.converse(c.q, contexts.get(id) ?? EMPTY_SLOTS);
    contexts.set(id, turn.slots);
    const bad = caseMisses(c, turn.answer as unknown as Record<string, unknown>, renderText(turn.answer.reply));
    if (bad.length) out.push(`[${id}] ${JSON.stringify(c.q)}: ${bad.join('; ')}`);
  }
  return out;
}

const sets = [
  [
    'the shared conversation dev set',
    sharedFile('eval/conversations-dev.jsonl', 'the conversation dev-set accuracy (test/conversation-eval.test.ts)'),
  ],
  ['our probe conversations', fileURLToPath(new URL('./fixtures/conversations-probe.jsonl', import.meta.url))],
  ['our second probe conversations', fileURLToPath(new URL('./fixtures/conversations-probe2.jsonl', import.meta.url))],
] as const;

describe('conversation accuracy (bar: 95%)', () => {
  for (const [name, file] of sets) {
    it.skipIf(!existsSync(file))(name, () => {
      const cases = readCases(file);
      const failed = misses(cases);
      expect((cases.length - failed.length) / cases.length, failed.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});
