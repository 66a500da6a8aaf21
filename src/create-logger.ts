import pino from 'pino';
import type { Logger } from './core/logger.js';

/**
 * Structured logs on stderr (stdout belongs to `ask --json` and the console
 * chat), with secrets redacted wherever they appear in logged objects.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger & pino.Logger {
  return pino(
    {
      level,
      base: { app: 'career-bot' },
      redact: {
        paths: [
          'token',
          '*.token',
          'headers.authorization',
          '*.headers.authorization',
          'config.SLACK_BOT_TOKEN',
          'config.SLACK_SIGNING_SECRET',
          'config.SLACK_APP_TOKEN',
          'config.DISCORD_TOKEN',
          'config.DATABASE_URL',
          'config.SLACK_CLIENT_SECRET',
          'config.SLACK_STATE_SECRET',
          'config.TOKEN_ENCRYPTION_KEY',
          'client_secret',
          '*.client_secret',
        ],
        censor: '[redacted]',
      },
    },
    destination as pino.DestinationStream,
  );
}
