import type { Block } from '../reply.js';
import { isSectionId, slugify, type SectionId } from '../sections.js';
import type { ContentProblem } from './types.js';

type ProseSection = SectionId;

export interface ParsedBody {
  sections: Map<ProseSection, Block[]>;
  problems: ContentProblem[];
}

const LIST_ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;

/**
 * Parses the deliberately small Markdown subset of role files (see
 * docs/content-format.md). Anything outside it is reported, not guessed at,
 * because every platform must be able to render what is accepted.
 */
export function parseBody(file: string, text: string, firstLine: number): ParsedBody {
  const sections = new Map<ProseSection, Block[]>();
  const problems: ContentProblem[] = [];
  const problem = (line: number, message: string, field?: string) =>
    problems.push({ file, line, message, ...(field ? { field } : {}) });

  let current: { id: ProseSection; line: number; blocks: Block[] } | null = null;
  let paragraph: string[] = [];
  let list: { items: string[]; ordered: boolean } | null = null;
  let reportedOutside = false;

  const flush = () => {
    if (!current) return;
    if (paragraph.length) current.blocks.push({ type: 'paragraph', text: paragraph.join(' ') });
    if (list) current.blocks.push({ type: 'list', items: list.items, ordered: list.ordered });
    paragraph = [];
    list = null;
  };
  const close = () => {
    flush();
    if (current) {
      if (current.blocks.length === 0) problem(current.line, 'section is empty', current.id);
      sections.set(current.id, current.blocks);
    }
  };

  text.split(/\r?\n/).forEach((raw, i) => {
    const line = firstLine + i;
    const trimmed = raw.trim();
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(trimmed);
    if (heading && heading[1]!.length <= 2) {
      close();
      current = null;
      reportedOutside = true;
      const slug = slugify(heading[2]!);
      if (heading[1]!.length === 1) problem(line, `use "## ${heading[2]}": only level-2 headings start sections`);
      else if (!isSectionId(slug)) problem(line, `unknown section heading "${heading[2]}" (slug "${slug}")`);
      else if (sections.has(slug)) problem(line, `duplicate section "${heading[2]}"`, slug);
      else {
        current = { id: slug, line, blocks: [] };
        reportedOutside = false;
      }
      return;
    }
    if (!current) {
      // Text outside a known section would silently vanish from answers; say so once per run.
      if (trimmed && !reportedOutside) problem(line, 'text outside a known "## Section"');
      reportedOutside ||= Boolean(trimmed);
      return;
    }
    if (!trimmed) {
      flush();
      return;
    }
    if (heading) {
      flush();
      current.blocks.push({ type: 'heading', text: heading[2]! });
      return;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      const ordered = item[2] !== undefined;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { items: [], ordered };
      list.items.push(item[3]!.trim());
      return;
    }
    if (list && /^\s+/.test(raw)) {
      // An indented line continues the previous list item.
      list.items[list.items.length - 1] += ` ${trimmed}`;
      return;
    }
    if (list) flush();
    paragraph.push(trimmed);
  });
  close();
  return { sections, problems };
}
