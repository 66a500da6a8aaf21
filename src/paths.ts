import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: `dist/paths.js` and `src/paths.ts` both sit one level below it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CONTENT_DIR = path.join(PACKAGE_ROOT, 'content');
