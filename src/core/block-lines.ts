import type { Block, Field } from './reply.js';

type Text = (plain: string) => string;
const asIs: Text = (s) => s;

/** A list block's lines, numbered or bulleted, each item through the platform's escaping. */
export function listLines(block: Extract<Block, { type: 'list' }>, text: Text = asIs): string[] {
  return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${text(item)}`);
}

/** Fields as `label: value` lines; `label` styles the escaped label (bold on rich platforms). */
export function fieldLines(fields: readonly Field[], text: Text = asIs, label: Text = asIs): string[] {
  return fields.map((f) => `${label(text(f.label))}: ${text(f.value)}`);
}
