import type { Bot } from '../core/bot.js';

/**
 * A Bot that forwards every call to whatever `current()` returns, so when the
 * running bot is replaced (a content reload), platforms already started
 * answer with the new one without restarting.
 */
export function liveBot(current: () => Bot): Bot {
  return {
    get content() {
      return current().content;
    },
    get reader() {
      return current().reader;
    },
    answer: (text, surface) => current().answer(text, surface),
    converse: (text, slots, surface) => current().converse(text, slots, surface),
    handle: (message) => current().handle(message),
    suggestRoles: (partial, limit) => current().suggestRoles(partial, limit),
  };
}
