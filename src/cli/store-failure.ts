import path from 'node:path';
import type { Config } from '../config.js';
import { explainStartupError } from '../ops/startup-errors.js';
import { SQLITE_FILE } from '../store/open-store.js';

/**
 * One line for an operator whose one-shot command the store failed: for
 * PostgreSQL the start-up wording (address without password, timeouts named),
 * for SQLite the file and the likely cause (read-only, disk full). Never a
 * stack trace: that goes to the log at debug level.
 */
export function storeFailure(err: unknown, config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): string {
  if (config.DATABASE_URL) return explainStartupError('store', err, config);
  const file = path.join(config.DATA_DIR, SQLITE_FILE);
  const rawCode = (err as { code?: unknown } | null)?.code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const message = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS')
    return (
      `DATA_DIR: the SQLite store ${file} is read-only (${message}); ` +
      'check the permissions of the file and its folder'
    );
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return `DATA_DIR: the disk holding the SQLite store ${file} is full; free space and try again`;
  return `DATA_DIR: the SQLite store ${file} failed: ${message}`;
}
