import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

const FROM_PINO: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Bolt, the WebClient and the Socket Mode client log through `@slack/logger`'s
 * variadic interface; this sends their lines into our structured log, errors
 * as `err` so pino serialises them.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  const pinoLevel = (logger as { level?: unknown }).level;
  let level: LogLevel = (typeof pinoLevel === 'string' && FROM_PINO[pinoLevel]) || LogLevel.INFO;
  let name = 'bolt';
  const emit =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]): void => {
      // Bolt logs per request at debug; skip formatting what would be dropped.
      if (RANK[method as LogLevel] < RANK[level]) return;
      const err = parts.find((p): p is Error => p instanceof Error);
      const msg = parts
        .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : safeJson(p)))
        .join(' ');
      logger[method](err ? { err, lib: name } : { lib: name }, msg);
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
