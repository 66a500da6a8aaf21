import type { Logger } from '../../../src/core/logger.js';
import { captureEntry } from '../../helpers/log-sink.js';

export interface LogEntry {
  level: string;
  msg?: string;
  [key: string]: unknown;
}

/** Keeps every entry (with child bindings) so tests can assert on what was logged; the log scan sees each. */
export function memoryLogger(
  entries: LogEntry[] = [],
  bindings: Record<string, unknown> = {},
): Logger & { entries: LogEntry[] } {
  const at = (level: string) => (obj: object, msg?: string) => {
    const entry: LogEntry = { ...bindings, ...obj, level, ...(msg ? { msg } : {}) };
    entries.push(entry);
    captureEntry('memoryLogger', entry);
  };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (b) => memoryLogger(entries, { ...bindings, ...b }),
  };
}
