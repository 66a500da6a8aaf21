import type { types } from '@slack/bolt';
import type { Content } from '../../core/content/types.js';
import { describeSchedule } from '../../core/tips/schedule.js';
import type { Subscription } from '../../core/tips/subscription.js';
import type { Reply } from '../../core/reply.js';
import { bold, clip, plainToMrkdwn } from './mrkdwn.js';
import { COMMAND } from './slack-surface.js';

type KnownBlock = types.KnownBlock;

/** The action id of a role button on the Home tab: the answer goes to the person's DM with the bot. */
export const HOME_ROLE_ACTION = 'career_home_role';

/** Slack allows 25 elements per actions block and 100 blocks per Home view. */
const BUTTONS_PER_ROW = 25;
const MAX_SUBSCRIPTIONS_SHOWN = 40;

export interface HomeView {
  type: 'home';
  blocks: KnownBlock[];
}

/**
 * The App Home tab: a greeting, every role as a button, how to ask, and (for
 * workspace admins) the weekly-tip subscriptions of this workspace with their
 * schedule and any pause reason. Pure: the listener fetches what it shows.
 */
export function homeView(o: {
  user: string;
  content: Content;
  admin: boolean;
  subscriptions: readonly Subscription[];
  report?: Reply | null;
}): HomeView {
  const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
  const blocks: KnownBlock[] = [
    section(
      `Hi <@${o.user}>! I answer questions about tech roles: what the work involves, ` +
        'the skills and education it asks for, career paths, demand and pay.',
    ),
    { type: 'header', text: { type: 'plain_text', text: 'Roles', emoji: true } },
  ];
  const roles = [...o.content.roles].sort((a, b) => a.title.localeCompare(b.title));
  for (let i = 0; i < roles.length; i += BUTTONS_PER_ROW) {
    blocks.push({
      type: 'actions',
      elements: roles.slice(i, i + BUTTONS_PER_ROW).map((r) => ({
        type: 'button',
        action_id: `${HOME_ROLE_ACTION}_${roles.indexOf(r)}`,
        text: { type: 'plain_text', text: r.title.slice(0, 75), emoji: true },
        value: `s:${r.id}:overview`,
      })),
    });
  }
  blocks.push(
    { type: 'header', text: { type: 'plain_text', text: 'How to ask', emoji: true } },
    section(
      [
        `• Open the ${bold('Messages')} tab and write to me, ` +
          'e.g. _what does a senior ML systems engineer make in Seattle?_ or _knowledge graph engineer skills_.',
        `• In any channel, type \`${COMMAND} role topic\`: only you see the answer until you share it.`,
        `• Mention me in a channel and I answer in a thread.`,
      ].join('\n'),
    ),
  );
  if (o.admin) blocks.push(...subscriptionBlocks(o.subscriptions));
  if (o.admin && o.report) blocks.push(...reportBlocks(o.report));
  return { type: 'home', blocks };
}

function subscriptionBlocks(subs: readonly Subscription[]): KnownBlock[] {
  const head: KnownBlock = {
    type: 'header',
    text: { type: 'plain_text', text: 'Weekly tips in this workspace', emoji: true },
  };
  if (!subs.length)
    return [
      head,
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `No channel gets weekly tips yet. In a channel, type \`${COMMAND} tips subscribe\`.`,
        },
      },
    ];
  const lines = subs.slice(0, MAX_SUBSCRIPTIONS_SHOWN).map((s) => {
    const state = s.paused
      ? `paused${s.pausedReason ? ` (${plainToMrkdwn(s.pausedReason)})` : ''}`
      : plainToMrkdwn(describeSchedule(s.schedule));
    return `• <#${s.channelId}>: ${state}`;
  });
  if (subs.length > MAX_SUBSCRIPTIONS_SHOWN)
    lines.push(`…and ${subs.length - MAX_SUBSCRIPTIONS_SHOWN} more (\`career-bot tips status\` lists them all).`);
  // 3,000 characters per section text: one section per ten lines stays well under.
  const sections: KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += 10)
    sections.push({ type: 'section', text: { type: 'mrkdwn', text: lines.slice(i, i + 10).join('\n') } });
  return [
    head,
    ...sections,
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Shown to workspace admins only.' }] },
  ];
}

/** The usage report (the core's answer to an admin's `report`), as on `/career report`. */
function reportBlocks(report: Reply): KnownBlock[] {
  const lines = report.blocks.flatMap((b) =>
    b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items.map((i) => `• ${i}`) : [],
  );
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Usage in this workspace', emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(plainToMrkdwn(lines.join('\n')), 3000) } },
  ];
}
