import type { Logger } from '../../src/core/logger.js';
import { captureEntry } from '../helpers/log-sink.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string | undefined;
  obj: Record<string, unknown>;
}

/** A Logger that keeps entries for assertions (children share the list); the log scan sees each entry. */
export function memoryLogger(
  entries: LogEntry[] = [],
  bindings: Record<string, unknown> = {},
): Logger & { entries: LogEntry[] } {
  const log = (level: LogEntry['level']) => (obj: object, msg?: string) => {
    const entry: LogEntry = { level, msg, obj: { ...bindings, ...(obj as Record<string, unknown>) } };
    entries.push(entry);
    captureEntry('memoryLogger', entry);
  };
  return {
    entries,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (more) => memoryLogger(entries, { ...bindings, ...more }),
  };
}
