import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './types.js';

/** Aliases a content file may expand; real content uses none. */
const MAX_ALIAS_COUNT = 50;

/** A YAML text kept with its positions, so schema errors can name a line. */
export interface YamlSource {
  value: unknown;
  problems: ContentProblem[];
  lineOf(path: readonly PropertyKey[]): number;
}

export function parseYaml(file: string, text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems: ContentProblem[] = doc.errors.map((e) => ({
    file,
    line: toLine(e.pos[0]),
    message: `malformed YAML: ${e.message.split('\n')[0]}`,
  }));
  let value: unknown;
  if (!problems.length) {
    try {
      // toJS enforces the alias limit (an "alias bomb" expands exponentially).
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      problems.push({ file, line: firstLine, message: `malformed YAML: ${(err as Error).message.split('\n')[0]}` });
    }
  }
  return {
    value,
    problems,
    lineOf(path) {
      // Walk up the path until a node with a position exists (a missing key has none).
      for (let n = path.length; n >= 0; n -= 1) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return toLine(node.range[0]);
      }
      return firstLine;
    },
  };
}

/** Runs a zod schema over a YAML source, turning issues into located problems. */
export function validate<T>(
  file: string,
  source: YamlSource,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; problems: ContentProblem[] } {
  if (source.problems.length) return { ok: false, problems: source.problems };
  const result = schema.safeParse(source.value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      file,
      line: source.lineOf(issue.path),
      field: issue.path.length ? issue.path.join('.') : undefined,
      message: issue.message,
    })),
  };
}
