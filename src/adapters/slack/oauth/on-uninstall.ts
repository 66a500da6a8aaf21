import type { App } from '@slack/bolt';
import type { Logger } from '../../../core/logger.js';
import type { WorkspaceOrOrganization } from '../../../core/tips/subscription.js';
import type { TipStore } from '../../../store/tip-store.js';
import type { SealedInstallationStore, WorkspaceQuery } from './installation-store.js';

/** Shown by `tips status` for the channels of a workspace that removed the app. */
export const UNINSTALLED_REASON = 'the app was uninstalled from this Slack workspace';
export const TOKENS_REVOKED_REASON = "the Slack workspace revoked the app's bot token";
/** An org-wide install stays, but the org's admins took this one workspace out of the app's reach. */
export const TEAM_ACCESS_REVOKED_REASON = "the Slack org removed this workspace from the app's access";

/** The envelope fields that say whose installation an event is about. */
interface UninstallEnvelope {
  team_id?: string | null;
  enterprise_id?: string | null;
  is_enterprise_install?: boolean;
  authorizations?: { is_enterprise_install?: boolean }[];
}

/**
 * `app_uninstalled` and `tokens_revoked` (for the bot's token): the
 * installation is deleted (so its events are no longer answered) and the tip
 * subscriptions it served are paused with the reason, so no run posts there
 * again and status says why. For an org-wide (Enterprise Grid) install that is
 * every channel recorded under the org: the event names the org, not each
 * workspace. `team_access_revoked` takes workspaces out of an org-wide
 * install's reach while the install stays: their channels are paused. A
 * re-install followed by `tips resume` starts them again.
 */
export function onUninstall(
  app: App,
  deps: { store: TipStore; installations: SealedInstallationStore; logger: Logger; clock?: () => Date },
): void {
  const clock = deps.clock ?? (() => new Date());
  const pause = async (where: WorkspaceOrOrganization, reason: string) =>
    deps.store.pauseWorkspace('slack', where, reason, { at: clock(), by: 'system' });

  const forget = async (body: UninstallEnvelope, reason: string) => {
    const orgWide = Boolean(body.is_enterprise_install ?? body.authorizations?.[0]?.is_enterprise_install);
    const team = body.team_id ?? undefined;
    const enterprise = body.enterprise_id ?? undefined;
    const q: WorkspaceQuery = { teamId: team, enterpriseId: enterprise, isEnterpriseInstall: orgWide };
    const removed = await deps.installations.remove(q);
    let paused = 0;
    if (orgWide && enterprise) paused += await pause({ organization: enterprise }, reason);
    // A workspace's own install; for an org-wide one, also the channels recorded before the org was (version 7).
    if (team) paused += await pause({ workspace: team }, reason);
    deps.logger.info(
      { team, enterprise, orgWide, removed, pausedSubscriptions: paused, reason },
      'slack: workspace installation removed',
    );
  };

  app.event('app_uninstalled', async ({ body }) => forget(body as UninstallEnvelope, UNINSTALLED_REASON));
  app.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot's token matters: the app keeps no user tokens it acts with.
    if (!event.tokens.bot?.length) return;
    await forget(body, TOKENS_REVOKED_REASON);
  });
  app.event('team_access_revoked', async ({ event, body }) => {
    let paused = 0;
    for (const team of event.team_ids ?? []) paused += await pause({ workspace: team }, TEAM_ACCESS_REVOKED_REASON);
    deps.logger.info(
      { teams: event.team_ids, enterprise: (body as UninstallEnvelope).enterprise_id, pausedSubscriptions: paused },
      'slack: workspaces removed from the org-wide install',
    );
  });
}
