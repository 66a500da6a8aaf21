import {
  ComponentType,
  MessageFlags,
  type APIButtonComponent,
  type APIEmbed,
  type ButtonInteraction,
  type InteractionReplyOptions,
  type Message,
} from 'discord.js';
import { parseCustomId } from './custom-ids.js';
import { installContext } from './install-context.js';
import { NO_MENTIONS, replyOptions } from './message-options.js';
import type { ButtonRow } from './render-buttons.js';
import type { DiscordMessage } from './render-embed.js';

/** Said privately where a share could only ever be seen by the sharer (install-context.ts, `canShare`). */
export const SHARE_NOT_ALLOWED =
  "I can't share this here: this server lets apps added to your account answer only you " +
  '(the Use External Apps permission). A server admin can allow that, or add career-bot to the server.';

/**
 * What a Share press is answered with: the copy, as the interaction's
 * response (never a channel post, which would need the bot to be a member
 * there), or privately why there is none.
 */
export function shareReply(i: ButtonInteraction): InteractionReplyOptions {
  const notice = (content: string) => ({
    content,
    flags: MessageFlags.Ephemeral as const,
    allowedMentions: NO_MENTIONS,
  });
  if (!installContext(i).canShare) return notice(SHARE_NOT_ALLOWED);
  const copy = sharedCopy(i.message, i.user.id);
  return copy ? replyOptions(copy) : notice('There is nothing to share in that message.');
}

/**
 * The visible copy of a message someone shares: exactly the embeds they were
 * looking at (rebuilding from a button action would lose what their question
 * added, such as the level and city of a pay answer), attributed to them
 * without a ping, with the message's buttons except Share. A component
 * interaction carries its message, ephemeral ones included.
 */
export function sharedCopy(message: Message, sharedBy: string): DiscordMessage | null {
  const embeds = message.embeds.map((e) => copyEmbed(e.toJSON()));
  if (!embeds.length) return null;
  const components: ButtonRow[] = [];
  for (const row of message.components) {
    const json = row.toJSON();
    if (json.type !== ComponentType.ActionRow) continue;
    const buttons = json.components.flatMap((c): APIButtonComponent[] => {
      if (c.type !== ComponentType.Button || !('custom_id' in c)) return [];
      if (parseCustomId(c.custom_id)?.kind === 'share') return [];
      return [{ type: ComponentType.Button, style: c.style, label: c.label ?? '', custom_id: c.custom_id }];
    });
    if (buttons.length) components.push({ type: ComponentType.ActionRow, components: buttons });
  }
  // A mention in content shows the name; allowed_mentions keeps it from pinging.
  return { content: `Shared by <@${sharedBy}>`, embeds, components, allowed_mentions: { parse: [] } };
}

/** The parts of an embed a message can be created with (a received embed also carries read-only ones). */
function copyEmbed(e: APIEmbed): APIEmbed {
  const copy: APIEmbed = {};
  if (e.title !== undefined) copy.title = e.title;
  if (e.description !== undefined) copy.description = e.description;
  if (e.url !== undefined) copy.url = e.url;
  if (e.color !== undefined) copy.color = e.color;
  if (e.timestamp !== undefined) copy.timestamp = e.timestamp;
  if (e.author) copy.author = { name: e.author.name, ...(e.author.url ? { url: e.author.url } : {}) };
  if (e.fields?.length)
    copy.fields = e.fields.map((f) => ({
      name: f.name,
      value: f.value,
      ...(f.inline !== undefined ? { inline: f.inline } : {}),
    }));
  if (e.footer) copy.footer = { text: e.footer.text };
  // A chart arrives as the attachment's CDN URL, which a new message can show as it is.
  if (e.image && /^https:/.test(e.image.url)) copy.image = { url: e.image.url };
  return copy;
}
