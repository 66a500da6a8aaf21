import type { Authorize, Logger as BoltLogger } from '@slack/bolt';
import type { Config } from '../../../config.js';
import type { Logger } from '../../../core/logger.js';
import { createInstallationCipher } from '../../../store/installation-cipher.js';
import type { TipStore } from '../../../store/tip-store.js';
import { createSealedInstallationStore, type SealedInstallationStore } from './installation-store.js';
import { oauthRoutes } from './oauth-routes.js';

/** What Slack's OAuth mode adds to the adapter: who installed, how to authorise an event, the install pages. */
export interface OAuthMode {
  installations: SealedInstallationStore;
  authorize: Authorize<boolean>;
  routes: ReturnType<typeof oauthRoutes>;
}

/** The installation store on the bot's store, sealed with TOKEN_ENCRYPTION_KEY. */
export function sealedInstallations(config: Config, store: TipStore): SealedInstallationStore {
  if (!config.TOKEN_ENCRYPTION_KEY)
    throw new Error('TOKEN_ENCRYPTION_KEY is required in Slack OAuth mode: installations are stored encrypted');
  return createSealedInstallationStore({
    records: store.installations,
    cipher: createInstallationCipher(config.TOKEN_ENCRYPTION_KEY),
  });
}

/**
 * Every event is authorised with its own workspace's bot token (or its org's,
 * for an org-wide install). A workspace with no installation fails
 * authorisation, so Bolt calls no listener and nothing is answered there.
 */
export function setupOAuth(o: {
  config: Config;
  store: TipStore | undefined;
  boltLogger: BoltLogger;
  logger: Logger;
}): OAuthMode {
  const { config } = o;
  if (!o.store) throw new Error("Slack OAuth mode needs the bot's store for installations");
  if (!config.SLACK_CLIENT_ID || !config.SLACK_CLIENT_SECRET || !config.SLACK_STATE_SECRET)
    throw new Error('SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are required in Slack OAuth mode');
  const installations = sealedInstallations(config, o.store);
  const authorize: Authorize<boolean> = async (source) => {
    const found = await installations.find(source);
    if (!found?.bot)
      throw new Error(
        `slack: no installation for team ${source.teamId ?? '-'} ` +
          `/ enterprise ${source.enterpriseId ?? '-'}; not answering`,
      );
    return {
      botToken: found.bot.token,
      botId: found.bot.id,
      botUserId: found.bot.userId,
      ...(source.teamId ? { teamId: source.teamId } : {}),
      ...(found.enterprise?.id ? { enterpriseId: found.enterprise.id } : {}),
    };
  };
  const routes = oauthRoutes({
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET,
    stateSecret: config.SLACK_STATE_SECRET,
    ...(config.SLACK_REDIRECT_URI ? { redirectUri: config.SLACK_REDIRECT_URI } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    installations,
    records: o.store.installations,
    boltLogger: o.boltLogger,
    logger: o.logger,
  });
  return { installations, authorize, routes };
}
