import { fieldLines, listLines } from './block-lines.js';
import type { Block, ChoiceGroup, Reply } from './reply.js';

const indent = (line: string) => `  ${line}`;

/** How each group of choices is introduced, on every platform. */
export const CHOICE_GROUP_LABELS: Record<ChoiceGroup, string> = {
  section: 'More on this role',
  related: 'Related roles',
  suggestion: 'Did you mean',
  role: 'Roles',
};

/**
 * Plain text for terminals and the `ask` command. Choices are numbered so the
 * console can offer them the way a platform offers buttons.
 */
export function renderText(reply: Reply): string {
  const out: string[] = [reply.title, ''];
  for (const block of reply.blocks) out.push(...renderBlock(block));
  if (out[out.length - 1] === '') out.pop();
  if (reply.footer) out.push('', reply.footer);
  const groups = new Map<string, string[]>();
  reply.choices.forEach((c, i) => {
    const label = CHOICE_GROUP_LABELS[c.group];
    groups.set(label, [...(groups.get(label) ?? []), `[${i + 1}] ${c.label}`]);
  });
  if (groups.size) out.push('');
  for (const [label, items] of groups) out.push(`${label}: ${items.join('  ')}`);
  return out.join('\n');
}

function renderBlock(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [block.text, ''];
    case 'paragraph':
      return [block.text, ''];
    case 'list':
      return [...listLines(block).map(indent), ''];
    case 'fields':
      return [...fieldLines(block.fields).map(indent), ''];
  }
}
