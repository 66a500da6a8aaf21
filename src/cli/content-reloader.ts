import { watch, type FSWatcher } from 'node:fs';
import { loadContent } from '../core/content/load-content.js';
import type { LiveBot } from '../core/content/live-bot.js';
import type { Logger } from '../core/logger.js';

export interface ContentReloaderOptions {
  dir: string;
  bot: LiveBot;
  logger: Logger;
  /** Reload when files under `dir` change (CONTENT_WATCH=1). */
  watchFiles: boolean;
  /** Editors write a file in several steps: wait this long after the last change. */
  debounceMs?: number;
  /** The signal that asks for a reload; SIGHUP by default. */
  signal?: NodeJS.Signals;
}

export interface ContentReloader {
  /** Loads and validates the folder; swaps it in only when valid. */
  reload(): boolean;
  stop(): Promise<void>;
}

/**
 * Reloads content on SIGHUP and, when asked, on file changes. A folder with
 * any problem is refused as a whole: the bot keeps answering from what it
 * had, and every problem is logged with its file, line and field.
 */
export function startContentReloader(options: ContentReloaderOptions): ContentReloader {
  const { dir, bot, logger } = options;
  const log = logger.child({ component: 'content-reloader' });
  const signal = options.signal ?? 'SIGHUP';
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  const reload = (): boolean => {
    const result = loadContent(dir);
    if (!result.ok) {
      for (const p of result.problems)
        log.error({ file: p.file, line: p.line, field: p.field ?? null }, `content not reloaded: ${p.message}`);
      log.warn(
        { dir, problems: result.problems.length },
        'content reload refused; still answering from the previous content',
      );
      return false;
    }
    bot.replace(result.content);
    log.info({ dir, roles: result.content.roles.length, tips: result.content.tips.length }, 'content reloaded');
    return true;
  };
  const onSignal = () => {
    reload();
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, options.debounceMs ?? 300);
  };

  process.on(signal, onSignal);
  if (options.watchFiles) {
    try {
      watcher = watch(dir, { recursive: true }, soon);
      watcher.on('error', (err) => log.error({ err, dir }, 'content watch failed; SIGHUP still reloads'));
    } catch (err) {
      log.error({ err, dir }, 'cannot watch the content folder; SIGHUP still reloads');
    }
  }
  return {
    reload,
    stop() {
      process.off(signal, onSignal);
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
      return Promise.resolve();
    },
  };
}
