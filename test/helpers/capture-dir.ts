import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, which test files' names in the captures are relative to. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where each test file's captured log lines and registered secrets go (test-results/ is git-ignored). */
export const CAPTURE_DIR = path.join(ROOT, 'test-results', 'logs');
