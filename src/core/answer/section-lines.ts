import type { Block } from '../reply.js';

/** A section's text as separate statements: list items and the sentences of paragraphs. */
export function sectionLines(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'list') out.push(...b.items);
    else if (b.type === 'paragraph') out.push(...sentences(b.text));
    else if (b.type === 'fields') out.push(...b.fields.map((f) => `${f.label}: ${f.value}`));
  }
  return out.map((l) => l.trim()).filter(Boolean);
}

function sentences(text: string): string[] {
  // Split after a full stop followed by a capital: keeps "e.g. Python" and "2.5" whole.
  return text.split(/(?<=[.!?])\s+(?=[A-Z"“(])/);
}
