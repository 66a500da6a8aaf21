import type { Logger } from '../../../src/core/logger.js';

export interface LogEntry {
  level: string;
  msg?: string;
  [key: string]: unknown;
}

/** Keeps every entry (with child bindings) so tests can assert on what was logged. */
export function memoryLogger(
  entries: LogEntry[] = [],
  bindings: Record<string, unknown> = {},
): Logger & { entries: LogEntry[] } {
  const at = (level: string) => (obj: object, msg?: string) =>
    void entries.push({ ...bindings, ...obj, level, ...(msg ? { msg } : {}) });
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (b) => memoryLogger(entries, { ...bindings, ...b }),
  };
}
