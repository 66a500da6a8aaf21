import { readFileSync } from 'node:fs';
import type { Block } from '../reply.js';
import { slugify } from '../sections.js';
import { normalizeText } from '../text/normalize.js';
import type { Content, ContentProblem, Role } from './types.js';

/** Longer than this reads as a wall of text in a chat answer. */
export const MAX_SECTION_CHARS = 1500;
export const MAX_SECTION_BULLETS = 8;

/**
 * Things an editor wants to know that do not stop the bot: a role nothing
 * links to, a section too long for a chat answer, an alias that is the start
 * of another role's title (people typing that title get the alias's role
 * first in autocomplete).
 */
export function contentWarnings(content: Content): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const titles = content.roles.map((r) => ({ role: r, text: normalizeText(r.title) }));
  for (const role of content.roles) {
    const lineOf = headingLines(role);
    if (role.related.length === 0) {
      warnings.push({
        file: role.file,
        line: lineOf('---') ?? 1,
        field: 'related',
        message: 'no related roles: the answer offers nowhere to go next',
      });
    }
    for (const [section, blocks] of role.sections) {
      const { chars, bullets } = sizeOf(blocks);
      if (chars > MAX_SECTION_CHARS || bullets > MAX_SECTION_BULLETS) {
        warnings.push({
          file: role.file,
          line: lineOf(section) ?? 1,
          field: section,
          message:
            `section is ${chars} characters and ${bullets} bullets; ` +
            `a chat answer reads best under ${MAX_SECTION_CHARS} characters and ${MAX_SECTION_BULLETS} bullets`,
        });
      }
    }
    role.aliases.forEach((alias, i) => {
      const a = normalizeText(alias);
      const other = titles.find((t) => t.role !== role && t.text !== a && (t.text.startsWith(`${a} `) || t.text === a));
      if (other)
        warnings.push({
          file: role.file,
          line: lineOf(`alias:${i}`) ?? 1,
          field: `aliases.${i}`,
          message: `alias "${alias}" is the start of ${other.role.id}'s title "${other.role.title}"`,
        });
    });
  }
  return warnings;
}

function sizeOf(blocks: Block[]): { chars: number; bullets: number } {
  let chars = 0;
  let bullets = 0;
  for (const b of blocks) {
    if (b.type === 'list') {
      bullets += b.items.length;
      chars += b.items.reduce((s, x) => s + x.length, 0);
    } else if (b.type === 'fields') chars += b.fields.reduce((s, f) => s + f.label.length + f.value.length, 0);
    else chars += b.text.length;
  }
  return { chars, bullets };
}

/** Line numbers of section headings and alias entries, read from the file for the warning's location. */
function headingLines(role: Role): (key: string) => number | undefined {
  let text = '';
  try {
    text = readFileSync(role.file, 'utf8');
  } catch {
    return () => undefined;
  }
  const lines = new Map<string, number>();
  let alias = -1;
  let inAliases = false;
  text.split(/\r?\n/).forEach((line, i) => {
    const heading = /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) lines.set(slugify(heading[1]!), i + 1);
    if (/^aliases\s*:/.test(line)) inAliases = true;
    else if (inAliases && /^\s+-\s/.test(line)) lines.set(`alias:${(alias += 1)}`, i + 1);
    else if (!/^\s/.test(line)) inAliases = false;
    if (line.trim() === '---' && !lines.has('---')) lines.set('---', i + 1);
  });
  return (key) => lines.get(key);
}
