import type { Bot } from '../bot.js';
import type { Content } from './types.js';

/** A bot whose content can be replaced while it answers. */
export interface LiveBot extends Bot {
  /** Builds a bot on the new content and makes it the one answering. */
  replace(content: Content): void;
}

/**
 * Wraps a bot so content can be swapped atomically: every call reads the
 * current bot once and runs entirely on it, so an answer (even an async one,
 * such as a tips command) never mixes old and new content. Building the new
 * bot (its indexes) happens before the swap, off the answering path.
 */
export function createLiveBot(build: (content: Content) => Bot, content: Content): LiveBot {
  let current = build(content);
  return {
    get content() {
      return current.content;
    },
    get reader() {
      return current.reader;
    },
    answer: (text, surface) => current.answer(text, surface),
    converse: (text, slots, surface) => current.converse(text, slots, surface),
    handle: (message) => current.handle(message),
    suggestRoles: (partial, limit) => current.suggestRoles(partial, limit),
    replace(next) {
      current = build(next);
    },
  };
}
