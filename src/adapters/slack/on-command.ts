import type { App } from '@slack/bolt';
import { APOLOGY } from './copy.js';
import { guard } from './guard.js';
import { cleanText, originOf, type SlackDeps } from './incoming.js';
import { renderBlocks } from './render-blocks.js';
import { sourceOfText } from './reply-source.js';

export const COMMAND = '/career';

/**
 * `/career TEXT`: acknowledged first (Slack allows 3 s and the ack carries
 * nothing), then answered privately through the command's response_url.
 * `/career tips ...` takes the same road; the core routes it.
 */
export function onCareerCommand(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    await deps.afterAcks();
    const log = deps.logger.child({ kind: 'command', user: command.user_id, channel: command.channel_id });
    await guard(
      log,
      async () => {
        const text = cleanText(command.text);
        const origin = originOf({ ...deps, logger: log }, client, { id: command.user_id, name: command.user_name }, command.channel_id, { team: command.team_id ?? null });
        const reply = await deps.bot.handle({ ...origin, kind: 'command', text });
        const share = origin.channel.kind === 'channel' && reply.shareable === true;
        await respond({ response_type: 'ephemeral', ...renderBlocks(reply, { source: sourceOfText(text, reply, 'command'), share }) });
      },
      () => respond({ response_type: 'ephemeral', text: APOLOGY }),
    );
  });
}
