import type { App, BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import { decodeAction } from '../../core/actions.js';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import { buttonResponse, expiredButton } from '../shared/button-policy.js';
import { ackText } from '../shared/vote-buttons.js';
import { uploadChart } from './upload-chart.js';
import { apologyFor, privateNote } from './copy.js';
import { guard } from './guard.js';
import { originOf, type Origin, type SlackDeps } from './incoming.js';
import { ACTION_IDS, renderBlocks } from './render-blocks.js';
import { decodeSource, encodeSource, rebuildReply } from './reply-source.js';

/** Where a pressed button sits. */
interface Place {
  user: string;
  channel: string;
  ephemeral: boolean;
  messageTs?: string;
  threadTs?: string;
}

function placeOf(body: BlockAction): Place {
  const c = body.container as {
    is_ephemeral?: unknown;
    channel_id?: unknown;
    message_ts?: unknown;
    thread_ts?: unknown;
  };
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const messageTs = str(body.message?.ts) ?? str(c.message_ts);
  const threadTs = str(body.message?.thread_ts) ?? str(c.thread_ts);
  return {
    user: body.user.id,
    channel: body.channel?.id ?? str(c.channel_id) ?? '',
    ephemeral: c.is_ephemeral === true,
    ...(messageTs ? { messageTs } : {}),
    ...(threadTs ? { threadTs } : {}),
  };
}

interface Press {
  deps: SlackDeps;
  log: Logger;
  place: Place;
  origin: Origin;
  value: string;
  /** Posts to the press's response_url; absent when the payload has none. */
  respond: RespondFn | undefined;
  client: webApi.WebClient;
}

/** A short private line to the presser: through response_url, or chat.postEphemeral without one. */
function tell(p: Press, text: string): Promise<unknown> {
  if (p.respond) return p.respond({ response_type: 'ephemeral', replace_original: false, text });
  const thread = p.place.threadTs ? { thread_ts: p.place.threadTs } : {};
  return p.client.chat.postEphemeral({ channel: p.place.channel, user: p.place.user, ...thread, text });
}

/**
 * Shows the answer a button asked for, by the shared button policy; where
 * Slack gives no way to change the message (no response_url, no ts), the
 * presser gets it privately.
 */
async function show(p: Press, reply: Reply, source: string | null, page: number): Promise<void> {
  const { place, client } = p;
  const inChannel = p.origin.channel.kind === 'channel';
  const shareable = reply.shareable === true;
  const update = buttonResponse({ ephemeral: place.ephemeral, inChannel }) === 'update';
  if (update && place.ephemeral && p.respond) {
    await p.respond({
      replace_original: true,
      ...renderBlocks(reply, { source, share: inChannel && shareable, page }),
    });
  } else if (update && !place.ephemeral && place.messageTs) {
    await client.chat.update({ channel: place.channel, ts: place.messageTs, ...renderBlocks(reply, { source, page }) });
  } else {
    const note = reply.private ? privateNote(reply) : undefined;
    const message = renderBlocks(reply, { source, share: shareable, page, ...(note ? { note } : {}) });
    await client.chat.postEphemeral({
      channel: place.channel,
      user: place.user,
      ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      ...message,
    });
  }
}

const expired = (p: Press) => tell(p, expiredButton(p.origin.surface));

/** A section, related-role or did-you-mean button. */
async function onNav(p: Press): Promise<void> {
  const action = decodeAction(p.value);
  if (!action) return void (await expired(p));
  const reply = await p.deps.bot.handle({ ...p.origin, kind: 'button', action });
  await show(p, reply, encodeSource({ kind: 'action', action }), 0);
}

/** Helpful / Not helpful: stored by the core, thanked privately; the answer stays as it is. */
async function onVote(p: Press): Promise<void> {
  const action = decodeAction(p.value);
  if (action?.type !== 'feedback') return void (await expired(p));
  await tell(p, ackText(await p.deps.bot.handle({ ...p.origin, kind: 'button', action })));
}

/** "Continue reading": the next page of the same answer. */
async function onMore(p: Press): Promise<void> {
  const bar = p.value.indexOf('|');
  const page = Number(p.value.slice(0, bar));
  const sourceValue = p.value.slice(bar + 1);
  const source = bar > 0 && Number.isInteger(page) ? decodeSource(sourceValue) : null;
  if (!source) return void (await expired(p));
  await show(p, await rebuildReply(p.deps.bot, source, p.origin), sourceValue, page);
}

/**
 * "Share in channel": the same answer, visible to all, naming who shared it.
 * It goes through the press's response_url, which posts where the button was
 * pressed without the bot being a member (chat.postMessage needs membership,
 * and /career works in any channel); then the private copy is removed.
 */
async function onShare(p: Press): Promise<void> {
  const source = decodeSource(p.value);
  if (!source) return void (await expired(p));
  const reply = await rebuildReply(p.deps.bot, source, p.origin);
  const thread = p.place.threadTs ? { thread_ts: p.place.threadTs } : {};
  const message = renderBlocks(reply, { source: p.value, sharedBy: p.place.user });
  if (!p.respond) {
    await p.client.chat.postMessage({
      channel: p.place.channel,
      ...thread,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
    });
    await uploadChart(p.client, { channel: p.place.channel, ...thread }, reply, p.log);
    return;
  }
  await p.respond({ response_type: 'in_channel', replace_original: false, ...thread, ...message });
  await uploadChart(p.client, { channel: p.place.channel, ...thread }, reply, p.log);
  if (p.place.ephemeral) {
    // The private copy has done its job; losing it is cosmetic, so only log.
    await p
      .respond({ delete_original: true })
      .catch((err: unknown) => p.log.warn({ err }, 'slack: could not remove the private copy after sharing'));
  }
}

export function onButtons(app: App, deps: SlackDeps): void {
  const handlers: Array<[string | RegExp, string, (p: Press) => Promise<void>]> = [
    [new RegExp(`^${ACTION_IDS.navPrefix}\\d+$`), 'nav', onNav],
    [ACTION_IDS.more, 'more', onMore],
    [ACTION_IDS.share, 'share', onShare],
    [new RegExp(`^${ACTION_IDS.vote}_\\d$`), 'vote', onVote],
  ];
  for (const [id, name, handler] of handlers) {
    app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action, respond, client, context }) => {
      await ack();
      await deps.afterAcks();
      const place = placeOf(body);
      const log = deps.logger.child({ kind: 'button', button: name, user: place.user, channel: place.channel });
      const where = {
        team: context.teamId ?? body.team?.id ?? null,
        org: context.enterpriseId ?? body.enterprise?.id ?? null,
        channel: place.channel,
        thread: place.threadTs ?? null,
      };
      const origin = originOf(
        { ...deps, logger: log },
        client,
        { id: place.user, name: body.user.name ?? body.user.username },
        where,
      );
      // Bolt passes respond() only when the payload has a response_url.
      const press: Press = {
        deps,
        log,
        place,
        origin,
        value: action.value ?? '',
        respond: body.response_url ? respond : undefined,
        client,
      };
      await guard(
        log,
        () => handler(press),
        (err) => tell(press, apologyFor(err)),
      );
    });
  }
}
