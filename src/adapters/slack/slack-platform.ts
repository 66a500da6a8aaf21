import type { WorkspaceToken } from './slack-poster.js';
import type { Platform } from '../platform.js';
import { slackSurface } from './slack-surface.js';

/**
 * Slack through Bolt: HTTP, Socket Mode or OAuth (many workspaces) for chat,
 * the Web API for tips. Bolt is imported only when Slack is used (about 35 MB resident).
 */
export const slackPlatform: Platform = {
  name: 'slack',
  surface: slackSurface,
  // Public (C), private (G) and direct (D) conversations: a capital letter, then capitals and digits (C0123ABCD).
  channelIdProblem: (id) =>
    /^[CGD][A-Z0-9]{6,20}$/.test(id)
      ? null
      : 'a Slack channel id is C, G or D followed by capital letters and digits, e.g. C0123ABCD',
  chatEnabled: (config) => config.slack !== null,
  // OAuth mode serves its install pages on the same HTTP server.
  servesRoutes: (config) => config.slack === 'http' || config.slack === 'oauth',
  start: async ({ bot, config, logger, routes, eventClaims, onRateLimited, store }) =>
    (await import('./start-slack.js')).startSlack({
      bot,
      config,
      logger,
      ...(routes ? { routes } : {}),
      ...(eventClaims ? { sharedEvents: eventClaims } : {}),
      ...(onRateLimited ? { onRateLimited } : {}),
      ...(store ? { store } : {}),
    }),
  poster: async (config, logger, store) => {
    const apiUrl = config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {};
    if (config.SLACK_BOT_TOKEN)
      return (await import('./slack-poster.js')).createSlackPoster({
        token: config.SLACK_BOT_TOKEN,
        ...apiUrl,
        logger,
      });
    if (!config.SLACK_CLIENT_ID || !config.TOKEN_ENCRYPTION_KEY || !store) return null;
    // OAuth mode: each subscription is posted with its own workspace's bot token.
    const { sealedInstallations } = await import('./oauth/oauth-mode.js');
    const installations = sealedInstallations(config, store);
    // A wrong key would fail every channel's token lookup: refuse the run instead.
    await installations.checkKey();
    const token: WorkspaceToken = async ({ workspace, organization }) =>
      workspace || organization
        ? (await installations.find({ teamId: workspace ?? undefined, enterpriseId: organization ?? undefined }))?.bot
            ?.token
        : undefined;
    return (await import('./slack-poster.js')).createSlackPoster({ token, ...apiUrl, logger });
  },
};
