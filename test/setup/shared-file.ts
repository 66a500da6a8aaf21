import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The labelled dev set and the seed-overlap tool live in ../shared beside the repository, which a public clone
 * lacks: the tests that need them skip, and this says why in one line rather than leaving a count to puzzle over.
 */
export function sharedFile(relative: string, what: string): string {
  const file = fileURLToPath(new URL(`../../../shared/${relative}`, import.meta.url));
  if (!existsSync(file)) process.stdout.write(`skipping ${what}: ../shared/${relative} is not beside this clone\n`);
  return file;
}
