import type { Reply } from '../core/reply.js';
import { EXAMPLE_SCHEDULE, type Surface } from '../core/surface.js';
import { nextTipText, pausedLine, type TipStatus } from './describe-status.js';

/** Every tips answer is private: only the admin who asked sees it. */
export function note(title: string, ...paragraphs: string[]): Reply {
  return {
    intent: 'help',
    title,
    blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
    choices: [],
    private: true,
  };
}

/** The tips commands, written the way `surface` writes them. */
export function tipsHelp(surface: Surface): string[] {
  return [
    `${surface.tips('subscribe', 'usage')}: a tip every week in this channel (default Monday 09:00)`,
    `${surface.tips('status')}: schedule, next tip, tips left in the rotation`,
    `${surface.tips('preview')}: see the next tip (only you)`,
    `${surface.tips('pause')} | resume | skip: hold off, start again, or skip the next week`,
    `${surface.tips('unsubscribe')}: stop weekly tips here`,
  ];
}

export function helpReply(surface: Surface, unknown?: string): Reply {
  return {
    intent: 'help',
    title: 'Weekly skill tips',
    blocks: [
      ...(unknown ? [{ type: 'paragraph' as const, text: `I don't know "tips ${unknown}".` }] : []),
      { type: 'list', ordered: false, items: tipsHelp(surface) },
      { type: 'paragraph', text: `Example: ${surface.tips('subscribe', EXAMPLE_SCHEDULE)}` },
    ],
    choices: [],
    private: true,
  };
}

export function refusalReply(surface: Surface): Reply {
  return note(
    'Only admins can change weekly tips',
    `Sorry, only ${surface.tipsAdmins} can change this channel's weekly tips. ` +
      `Anyone can see the schedule with ${surface.tips('status')}.`,
  );
}

export function statusReply(st: TipStatus, surface: Surface): Reply {
  if (!st.subscribed) {
    return note(
      'Weekly tips: not subscribed',
      `This channel doesn't get weekly tips. An admin can start them with ${surface.tips('subscribe', 'usage')}.`,
    );
  }
  const state = st.problem
    ? `Cannot post: invalid schedule: ${st.problem}. Subscribe again with a valid schedule.`
    : st.paused
      ? pausedLine(st.pausedReason, surface.tips('resume'))
      : st.skipping
        ? `Active; skipping the week ${st.skipping}`
        : 'Active';
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
          ...(st.lastDelivery
            ? [
                {
                  label: 'Last post',
                  value:
                    `week ${st.lastDelivery.slot}: ${st.lastDelivery.status}` +
                    (st.lastDelivery.error ? ` (${st.lastDelivery.error})` : ''),
                },
              ]
            : []),
        ],
      },
    ],
    choices: [],
    private: true,
  };
}
