import type { Reply } from '../core/reply.js';
import { SCHEDULE_EXAMPLE } from '../core/tips/schedule.js';
import { nextTipText, pausedLine, type TipStatus } from './describe-status.js';

/** Every tips answer is private: only the admin who asked sees it. */
export function note(title: string, ...paragraphs: string[]): Reply {
  return { intent: 'help', title, blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, text })), choices: [], private: true };
}

export const TIPS_HELP = [
  '/career tips subscribe [day] [time] [timezone]: a tip every week in this channel (default Monday 09:00)',
  '/career tips status: schedule, next tip, tips left in the rotation',
  '/career tips preview: see the next tip (only you)',
  '/career tips pause | resume | skip: hold off, start again, or skip the next week',
  '/career tips unsubscribe: stop weekly tips here',
];

export function helpReply(unknown?: string): Reply {
  return {
    intent: 'help',
    title: 'Weekly skill tips',
    blocks: [
      ...(unknown ? [{ type: 'paragraph' as const, text: `I don't know "tips ${unknown}".` }] : []),
      { type: 'list', ordered: false, items: TIPS_HELP },
      { type: 'paragraph', text: `Example: ${SCHEDULE_EXAMPLE}` },
    ],
    choices: [],
    private: true,
  };
}

export function refusalReply(platform: string): Reply {
  const who = platform === 'discord' ? 'members with the Manage Channels permission' : 'workspace admins and owners (and people the bot\'s operator lists as admins)';
  return note('Only admins can change weekly tips', `Sorry, only ${who} can change this channel's weekly tips. Anyone can see the schedule with /career tips status.`);
}

export function statusReply(st: TipStatus): Reply {
  if (!st.subscribed) return note('Weekly tips: not subscribed', "This channel doesn't get weekly tips. An admin can start them with /career tips subscribe [day] [time] [timezone].");
  const state = st.problem ? `Cannot post: invalid schedule: ${st.problem}. Subscribe again with a valid schedule.` : st.paused ? pausedLine(st.pausedReason) : st.skipping ? `Active; skipping the week ${st.skipping}` : 'Active';
  return {
    intent: 'help',
    title: 'Weekly tips in this channel',
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: 'Schedule', value: st.scheduleText ?? '' },
          { label: 'Next tip', value: st.nextPostLocal ? nextTipText(st) : 'none while paused' },
          { label: 'Tips left before the rotation restarts', value: String(st.tipsLeftInRotation) },
          { label: 'State', value: state },
          ...(st.lastDelivery ? [{ label: 'Last post', value: `week ${st.lastDelivery.slot}: ${st.lastDelivery.status}${st.lastDelivery.error ? ` (${st.lastDelivery.error})` : ''}` }] : []),
        ],
      },
    ],
    choices: [],
    private: true,
  };
}
