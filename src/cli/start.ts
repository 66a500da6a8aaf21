import { startConsoleChat } from '../adapters/console/console-chat.js';
import type { Config } from '../config.js';
import { createBot } from '../core/bot.js';
import type { Content } from '../core/content/types.js';
import { createLogger } from '../create-logger.js';
import type { CliIo } from './main.js';

/**
 * Starts what the configuration enables. With no Slack or Discord credentials
 * that is the console chat on stdin/stdout.
 */
export async function start(content: Content, config: Config, io: CliIo): Promise<number> {
  const logger = createLogger(config.slack || config.discord ? config.LOG_LEVEL : 'warn', io.stderr);
  const bot = createBot({ content, logger });
  const chat = startConsoleChat(bot, io.stdin, io.stdout);
  await chat.closed;
  return 0;
}
