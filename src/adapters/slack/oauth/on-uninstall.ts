import type { App } from '@slack/bolt';
import type { Logger } from '../../../core/logger.js';
import type { TipStore } from '../../../store/tip-store.js';
import type { SealedInstallationStore, WorkspaceQuery } from './installation-store.js';

/** Shown by `tips status` for the channels of a workspace that removed the app. */
export const UNINSTALLED_REASON = 'the app was uninstalled from this Slack workspace';
export const TOKENS_REVOKED_REASON = "the Slack workspace revoked the app's bot token";

/**
 * `app_uninstalled` and `tokens_revoked` (for the bot's token): the workspace's
 * installation is deleted (so its events are no longer answered) and its
 * tip subscriptions paused with the reason, so no run posts there again and
 * status says why. A re-install followed by `tips resume` starts them again.
 */
export function onUninstall(
  app: App,
  deps: { store: TipStore; installations: SealedInstallationStore; logger: Logger; clock?: () => Date },
): void {
  const clock = deps.clock ?? (() => new Date());
  const forget = async (
    body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean },
    reason: string,
  ) => {
    const q: WorkspaceQuery = {
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      isEnterpriseInstall: Boolean(body.is_enterprise_install),
    };
    const removed = await deps.installations.remove(q);
    // Subscriptions are recorded by team; an org-wide uninstall arrives per team too.
    const paused = body.team_id
      ? await deps.store.pauseWorkspace('slack', body.team_id, reason, { at: clock(), by: 'system' })
      : 0;
    deps.logger.info(
      { team: body.team_id, enterprise: body.enterprise_id, removed, pausedSubscriptions: paused, reason },
      'slack: workspace installation removed',
    );
  };
  app.event('app_uninstalled', async ({ body }) => forget(body as never, UNINSTALLED_REASON));
  app.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot's token matters: the app keeps no user tokens it acts with.
    if (!event.tokens.bot?.length) return;
    await forget(body, TOKENS_REVOKED_REASON);
  });
}
