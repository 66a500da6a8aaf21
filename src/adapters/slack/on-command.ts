import type { App } from '@slack/bolt';
import { commandMessage } from '../shared/typed-command.js';
import { APOLOGY } from './copy.js';
import { guard } from './guard.js';
import { cleanText, originOf, type SlackDeps } from './incoming.js';
import { renderBlocks } from './render-blocks.js';
import { uploadChart } from './upload-chart.js';
import { sourceOfText } from './reply-source.js';
import { COMMAND } from './slack-surface.js';

export { COMMAND } from './slack-surface.js';

/**
 * `/career TEXT`: acknowledged first (Slack allows 3 s and the ack carries
 * nothing), then answered privately through the command's response_url.
 * `/career tips ...` takes the same road, read into a typed tips command here.
 */
export function onCareerCommand(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond: viaUrl, client, context }) => {
    await ack();
    await deps.afterAcks();
    const log = deps.logger.child({ kind: 'command', user: command.user_id, channel: command.channel_id });
    // Bolt gives a working respond() only with a response_url; without one the answer goes through the Web API.
    const respond = ({
      response_type: _ephemeral,
      ...message
    }: {
      response_type: 'ephemeral';
      text?: string;
      blocks?: unknown[];
    }): Promise<unknown> =>
      command.response_url
        ? viaUrl({ response_type: 'ephemeral', ...message })
        : client.chat.postEphemeral({
            channel: command.channel_id,
            user: command.user_id,
            text: '',
            ...message,
          });
    if (!command.response_url)
      log.warn({}, 'slack: a command came without response_url; answering through chat.postEphemeral');
    await guard(
      log,
      async () => {
        const text = cleanText(command.text);
        const where = {
          team: context.teamId ?? command.team_id ?? null,
          org: context.enterpriseId ?? command.enterprise_id ?? null,
          channel: command.channel_id,
          thread: null,
        };
        const origin = originOf(
          { ...deps, logger: log },
          client,
          { id: command.user_id, name: command.user_name },
          where,
        );
        const message = commandMessage(origin, text);
        const reply = await deps.bot.handle(message);
        const share = origin.channel.kind === 'channel' && reply.shareable === true;
        await respond({
          response_type: 'ephemeral',
          ...renderBlocks(reply, { source: sourceOfText(message, reply), share }),
        });
        if (origin.channel.kind === 'dm') await uploadChart(client, { channel: command.channel_id }, reply, log);
      },
      () => respond({ response_type: 'ephemeral', text: APOLOGY }),
    );
  });
}
