import type { Platform } from '../platform.js';
import { slackSurface } from './slack-surface.js';

/**
 * Slack through Bolt: HTTP or Socket Mode for chat, the Web API for tips.
 * Bolt is imported only when Slack is used (about 35 MB resident).
 */
export const slackPlatform: Platform = {
  name: 'slack',
  surface: slackSurface,
  // Public (C), private (G) and direct (D) conversations: a capital letter, then capitals and digits (C0123ABCD).
  channelIdProblem: (id) => (/^[CGD][A-Z0-9]{6,20}$/.test(id) ? null : 'a Slack channel id is C, G or D followed by capital letters and digits, e.g. C0123ABCD'),
  chatEnabled: (config) => config.slack !== null,
  servesRoutes: (config) => config.slack === 'http',
  start: async ({ bot, config, logger, routes, eventClaims, onRateLimited }) =>
    (await import('./start-slack.js')).startSlack({
      bot,
      config,
      logger,
      ...(routes ? { routes } : {}),
      ...(eventClaims ? { sharedEvents: eventClaims } : {}),
      ...(onRateLimited ? { onRateLimited } : {}),
    }),
  poster: async (config, logger) =>
    config.SLACK_BOT_TOKEN
      ? (await import('./slack-poster.js')).createSlackPoster({ token: config.SLACK_BOT_TOKEN, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}), logger })
      : null,
};
