import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as BoltLogger } from '@slack/bolt';
import slackOAuth from '@slack/oauth';
import type { Logger } from '../../../core/logger.js';
import type { InstallationRecords } from '../../../store/installation-queries.js';
import { webClientOptions } from '../web-client-options.js';
import type { SealedInstallationStore } from './installation-store.js';
import { singleUseStateStore } from './single-use-state-store.js';

// CommonJS: Node's ESM loader cannot name all of its exports, so take them from the default export.
const { defaultCallbackSuccess, InstallProvider } = slackOAuth;

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes the code uses (slack/manifest.yaml explains each; test/slack/manifest.test.ts keeps them equal). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'files:write',
  'im:history',
  'users:read',
] as const;

export interface OAuthRoutesOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Must be one of the app's oauth_config.redirect_urls when set; Slack uses the first one otherwise. */
  redirectUri?: string;
  apiUrl?: string;
  installations: SealedInstallationStore;
  records: InstallationRecords;
  boltLogger: BoltLogger;
  logger: Logger;
}

/**
 * GET /slack/install (a page with the "Add to Slack" link, setting the state
 * cookie) and GET /slack/oauth_redirect (state checked against the cookie,
 * its signature and its single use; `code` exchanged at oauth.v2.access;
 * the installation stored sealed), both by @slack/oauth's InstallProvider.
 */
export function oauthRoutes(
  o: OAuthRoutesOptions,
): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean> {
  const installer = new InstallProvider({
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    stateStore: singleUseStateStore({ secret: o.stateSecret, records: o.records }),
    installationStore: o.installations,
    installUrlOptions: { scopes: [...BOT_SCOPES], ...(o.redirectUri ? { redirectUri: o.redirectUri } : {}) },
    logger: o.boltLogger,
    clientOptions: webClientOptions(o.apiUrl),
  });
  return async (req, res, path) => {
    if (req.method?.toUpperCase() !== 'GET' || (path !== INSTALL_PATH && path !== REDIRECT_PATH)) return false;
    if (path === INSTALL_PATH) {
      await installer.handleInstallPath(req, res);
      return true;
    }
    await installer.handleCallback(req, res, {
      success: (installation, options, request, response) => {
        o.logger.info(
          {
            team: installation.team?.id,
            enterprise: installation.enterprise?.id,
            orgWide: Boolean(installation.isEnterpriseInstall),
          },
          'slack: app installed',
        );
        defaultCallbackSuccess(installation, options, request, response);
      },
    });
    return true;
  };
}
