import type { Platform } from '../platform.js';
import { createSlackPoster } from './slack-poster.js';
import { slackSurface } from './slack-surface.js';
import { startSlack } from './start-slack.js';

/** Slack through Bolt: HTTP or Socket Mode for chat, the Web API for tips. */
export const slackPlatform: Platform = {
  name: 'slack',
  surface: slackSurface,
  chatEnabled: (config) => config.slack !== null,
  start: ({ bot, config, logger }) => startSlack({ bot, config, logger }),
  poster: (config, logger) =>
    config.SLACK_BOT_TOKEN ? createSlackPoster({ token: config.SLACK_BOT_TOKEN, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}), logger }) : null,
};
