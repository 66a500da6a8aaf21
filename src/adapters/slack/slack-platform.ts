import type { Platform } from '../platform.js';
import { sealedInstallations } from './oauth/oauth-mode.js';
import { createSlackPoster } from './slack-poster.js';
import { slackSurface } from './slack-surface.js';
import { startSlack } from './start-slack.js';

/** Slack through Bolt: HTTP, Socket Mode or OAuth (many workspaces) for chat, the Web API for tips. */
export const slackPlatform: Platform = {
  name: 'slack',
  surface: slackSurface,
  chatEnabled: (config) => config.slack !== null,
  start: ({ bot, config, logger, store }) => startSlack({ bot, config, logger, ...(store ? { store } : {}) }),
  poster: (config, logger, store) => {
    const apiUrl = config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {};
    if (config.SLACK_BOT_TOKEN) return createSlackPoster({ token: config.SLACK_BOT_TOKEN, ...apiUrl, logger });
    if (!config.SLACK_CLIENT_ID || !config.TOKEN_ENCRYPTION_KEY || !store) return null;
    // OAuth mode: each subscription is posted with its own workspace's bot token.
    const installations = sealedInstallations(config, store);
    const token = async (workspace: string | null) => (workspace ? (await installations.find({ teamId: workspace }))?.bot?.token : undefined);
    return createSlackPoster({ token, ...apiUrl, logger });
  },
};
