import { loadContent } from '../core/content/load-content.js';
import { formatProblem, type Content } from '../core/content/types.js';

/** Loads content or writes every problem to stderr; the caller exits non-zero. */
export function loadOrExplain(dir: string, stderr: NodeJS.WritableStream): Content | null {
  const result = loadContent(dir);
  if (result.ok) return result.content;
  stderr.write(
    `career-bot: the content in ${dir} is invalid ` +
      `(${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):\n`,
  );
  for (const p of result.problems) stderr.write(`  ${formatProblem(p)}\n`);
  return null;
}
