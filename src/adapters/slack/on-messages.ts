import type { App } from '@slack/bolt';
import { apologyFor, privateNote } from './copy.js';
import { guard } from './guard.js';
import { cleanText, originOf, type SlackDeps } from './incoming.js';
import { renderBlocks } from './render-blocks.js';
import { uploadChart } from './upload-chart.js';
import { sourceOfText } from './reply-source.js';

/** The fields of a message or app_mention event we use, read defensively. */
interface ChatEvent {
  subtype?: string;
  botId?: string;
  user?: string;
  text?: string;
  channel: string;
  channelType?: string;
  ts: string;
  threadTs?: string;
  edited: boolean;
}

function readEvent(event: object): ChatEvent {
  const e = event as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    subtype: str(e.subtype),
    botId: str(e.bot_id),
    user: str(e.user),
    text: str(e.text),
    channel: str(e.channel) ?? '',
    channelType: str(e.channel_type),
    ts: str(e.ts) ?? '',
    threadTs: str(e.thread_ts),
    edited: e.edited !== undefined,
  };
}

/** Why an event is not a person's new message to us, or null when it is. */
function ignoreReason(e: ChatEvent): string | null {
  if (e.botId) return 'from a bot';
  if (e.subtype) return `subtype ${e.subtype}`;
  if (e.edited) return 'an edit';
  if (!e.user || !e.channel) return 'no user or channel';
  return null;
}

/**
 * DMs are answered in the DM; mentions in a channel are answered in a thread
 * of the message, except private answers (pay above all), which go to the
 * asker alone as an ephemeral message that says why.
 */
export function onMessages(app: App, deps: SlackDeps): void {
  const unfurl = { unfurl_links: false, unfurl_media: false } as const;

  app.event('message', async ({ event, client, context }) => {
    const e = readEvent(event);
    const log = deps.logger.child({ kind: 'dm', channel: e.channel, user: e.user, ts: e.ts });
    const reason = e.channelType !== 'im' ? `channel type ${e.channelType ?? 'unknown'}` : ignoreReason(e);
    if (reason) return log.debug({ reason }, 'slack: message ignored');
    const thread = e.threadTs ? { thread_ts: e.threadTs } : {};
    await deps.afterAcks(); // Bolt acked the event before calling us
    await guard(
      log,
      async () => {
        const text = cleanText(e.text, context.botUserId);
        const where = {
          team: context.teamId ?? null,
          org: context.enterpriseId ?? null,
          channel: e.channel,
          thread: e.threadTs ?? null,
        };
        const message = {
          ...originOf({ ...deps, logger: log }, client, { id: e.user! }, where),
          kind: 'question',
          via: 'dm',
          text,
        } as const;
        const reply = await deps.bot.handle(message);
        await client.chat.postMessage({
          channel: e.channel,
          ...thread,
          ...renderBlocks(reply, { source: sourceOfText(message, reply) }),
          ...unfurl,
        });
        await uploadChart(client, { channel: e.channel, ...thread }, reply, log);
      },
      (err) => client.chat.postMessage({ channel: e.channel, ...thread, text: apologyFor(err) }),
    );
  });

  app.event('app_mention', async ({ event, client, context }) => {
    const e = readEvent(event);
    const log = deps.logger.child({ kind: 'mention', channel: e.channel, user: e.user, ts: e.ts });
    const reason = ignoreReason(e);
    if (reason) return log.debug({ reason }, 'slack: mention ignored');
    const user = e.user!;
    // Public replies start (or join) a thread of the mention. Slack shows an
    // ephemeral message in a thread only if the thread already exists, so a
    // private answer to a top-level mention goes to the channel itself.
    const thread = { thread_ts: e.threadTs ?? e.ts };
    const ephemeralThread = e.threadTs ? { thread_ts: e.threadTs } : {};
    await deps.afterAcks();
    await guard(
      log,
      async () => {
        const text = cleanText(e.text, context.botUserId);
        // The conversation lives in the thread the answer goes to, so a follow-up there continues it.
        const origin = originOf(
          { ...deps, logger: log },
          client,
          { id: user },
          {
            team: context.teamId ?? null,
            org: context.enterpriseId ?? null,
            channel: e.channel,
            thread: thread.thread_ts,
          },
        );
        const message = { ...origin, kind: 'question', via: 'mention', text } as const;
        const reply = await deps.bot.handle(message);
        const source = sourceOfText(message, reply);
        if (reply.private && origin.channel.kind === 'channel') {
          const message = renderBlocks(reply, { source, share: reply.shareable === true, note: privateNote(reply) });
          await client.chat.postEphemeral({ channel: e.channel, user, ...ephemeralThread, ...message });
        } else {
          await client.chat.postMessage({
            channel: e.channel,
            ...thread,
            ...renderBlocks(reply, { source }),
            ...unfurl,
          });
        }
      },
      (err) => client.chat.postEphemeral({ channel: e.channel, user, ...ephemeralThread, text: apologyFor(err) }),
    );
  });
}
