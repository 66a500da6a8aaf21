import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { decodeAction } from '../../core/actions.js';
import type { Subscription } from '../../core/tips/subscription.js';
import type { TipStore } from '../../store/tip-store.js';
import { HOME_ROLE_ACTION, homeView } from './app-home.js';
import { apologyFor } from './copy.js';
import { guard } from './guard.js';
import { originOf, type Origin, type SlackDeps } from './incoming.js';
import { renderBlocks } from './render-blocks.js';
import { encodeSource } from './reply-source.js';

export interface AppHomeDeps extends SlackDeps {
  store?: TipStore;
  /** OAuth mode: only subscriptions recorded for this workspace are its own. */
  manyWorkspaces: boolean;
}

/** A subscription belongs to the workspace whose Home is open (single-workspace mode: every Slack one). */
export function inWorkspace(sub: Subscription, team: string | null, manyWorkspaces: boolean): boolean {
  return sub.workspace === team || (!manyWorkspaces && sub.workspace === null);
}

/**
 * The Home tab, published each time someone opens it (so it shows the
 * subscriptions as they are now), and its role buttons, which answer in the
 * person's DM with the bot: a Home view has no channel to answer in.
 */
export function onAppHome(app: App, deps: AppHomeDeps): void {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    const log = deps.logger.child({ kind: 'app-home', user: event.user });
    await deps.afterAcks();
    await guard(
      log,
      async () => {
        const team = context.teamId ?? null;
        const origin = originOf(
          { ...deps, logger: log },
          client,
          { id: event.user },
          { team, org: context.enterpriseId ?? null, channel: event.channel, thread: null },
        );
        const admin = await origin.isAdmin!();
        const subscriptions =
          admin && deps.store
            ? (await deps.store.listSubscriptions({ platform: 'slack' })).filter((s) =>
                inWorkspace(s, team, deps.manyWorkspaces),
              )
            : [];
        // The core answers the report as it answers `/career report` (this workspace only).
        const report = admin ? await deps.bot.handle({ ...origin, kind: 'report', since: null }) : null;
        await client.views.publish({
          user_id: event.user,
          view: homeView({ user: event.user, content: deps.bot.content, admin, subscriptions, report }),
        });
      },
      () => Promise.resolve(),
    );
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${HOME_ROLE_ACTION}_\\d+$`),
    async ({ ack, body, action, client, context }) => {
      await ack();
      await deps.afterAcks();
      const user = body.user.id;
      const log = deps.logger.child({ kind: 'app-home-button', user });
      // chat.postMessage to a user id posts in the app's DM with them (its Messages tab).
      await guard(
        log,
        async () => {
          // A value this version cannot read (an old Home view) gets the role list.
          const chosen = decodeAction(action.value ?? '') ?? { type: 'list' as const };
          const base = originOf(
            { ...deps, logger: log },
            client,
            { id: user },
            { team: context.teamId ?? null, org: context.enterpriseId ?? null, channel: user, thread: null },
          );
          const origin: Origin = { ...base, channel: { id: user, kind: 'dm' } };
          const reply = await deps.bot.handle({ ...origin, kind: 'button', action: chosen });
          await client.chat.postMessage({
            channel: user,
            ...renderBlocks(reply, { source: encodeSource({ kind: 'action', action: chosen }) }),
            unfurl_links: false,
            unfurl_media: false,
          });
        },
        (err) => client.chat.postMessage({ channel: user, text: apologyFor(err) }),
      );
    },
  );
}
