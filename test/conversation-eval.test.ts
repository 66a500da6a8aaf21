import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMPTY_SLOTS, type ConversationSlots } from '../src/core/conversation/slots.js';
import { renderText } from '../src/core/render-text.js';
import { shippedBot } from './helpers/content.js';
import { sharedFile } from './setup/shared-file.js';

interface Case {
  conversation: string;
  q: string;
  roles?: string[];
  text_excludes?: string;
  text_includes?: string;
  [field: string]: unknown;
}

const FIELDS = ['intent', 'role', 'section', 'level', 'location'] as const;
const bot = shippedBot();

/** Scores a conversation set by shared/eval/score.mjs's rules, each conversation with its own context. */
function misses(cases: Case[]): string[] {
  const contexts = new Map<string, ConversationSlots>();
  const out: string[] = [];
  for (const c of cases) {
    const turn = bot.converse(c.q, contexts.get(c.conversation) ?? EMPTY_SLOTS);
    contexts.set(c.conversation, turn.slots);
    const got = turn.answer as unknown as Record<string, unknown>;
    const bad: string[] = FIELDS.filter((f) => f in c).filter((f) => {
      const want = c[f];
      return Array.isArray(want) ? !want.includes(got[f] ?? null) : want !== (got[f] ?? null);
    });
    if (c.roles) {
      const have = turn.answer.roles;
      const ok =
        c.intent === 'fit'
          ? have[0] === c.roles[0]
          : have.length === c.roles.length && c.roles.every((r) => have.includes(r));
      if (!ok) bad.push('roles');
    }
    const text = renderText(turn.answer.reply);
    if (c.text_excludes && text.includes(c.text_excludes)) bad.push('text_excludes');
    if (c.text_includes && !text.includes(c.text_includes)) bad.push('text_includes');
    if (bad.length)
      out.push(
        `[${c.conversation}] ${JSON.stringify(c.q)}: ${bad.join(',')} got ${JSON.stringify({ ...got, reply: undefined })}`,
      );
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
      const cases = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Case);
      const failed = misses(cases);
      expect((cases.length - failed.length) / cases.length, failed.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});
