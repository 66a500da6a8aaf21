import { tipReply } from '../core/answer/simple-answers.js';
import type { Content } from '../core/content/types.js';
import type { Logger } from '../core/logger.js';
import type { TipsMessage } from '../core/message.js';
import type { Reply } from '../core/reply.js';
import { EXAMPLE_SCHEDULE } from '../core/surface.js';
import { formatInZone } from '../core/tips/format-time.js';
import {
  describeSchedule,
  parseSchedule,
  parseTimeZone,
  WEEKDAY_NAMES,
  type ScheduleInput,
  type WeeklySchedule,
} from '../core/tips/schedule.js';
import type { ChannelRef, Subscription } from '../core/tips/subscription.js';
import type { TipsCommandHandler } from '../core/tips/tips-commands.js';
import type { TipStore } from '../store/tip-store.js';
import { describeStatus } from './describe-status.js';
import { nextPostSlot } from './next-post.js';
import { nextTipFor } from './next-tip.js';
import { helpReply, note, refusalReply, statusReply } from './tips-replies.js';

export interface TipsCommandsOptions {
  store: TipStore;
  content: Content;
  clock: () => Date;
  logger: Logger;
  /** The zone when neither the admin nor the platform names one; UTC by default. */
  defaultTimeZone?: string;
}

const CHANGES = new Set(['subscribe', 'unsubscribe', 'pause', 'resume', 'skip']);

/** Weekly-tips commands for chat channels: changes need an admin, every answer is private. */
export function createTipsCommands(o: TipsCommandsOptions): TipsCommandHandler {
  const logger = o.logger.child({ component: 'tips-commands' });
  const { store, content } = o;

  const handle = async (message: TipsMessage): Promise<Reply> => {
    const { command, surface } = message;
    const sub = command.sub;
    if (command.sub === 'help') return helpReply(surface, command.unknown);
    if (surface.tipsElsewhere) return note('Weekly tips are for channels', surface.tipsElsewhere);
    if (message.channel.kind === 'dm')
      return note(
        'Run this in a channel',
        'Weekly tips go to a channel: run the command in the channel that should get them.',
      );
    const channel: ChannelRef = {
      platform: message.platform,
      channelId: message.channel.id,
      workspace: message.conversation.workspace,
      // Recorded so an org-wide install's token serves the channel and an org-wide uninstall pauses it.
      ...(message.organization !== undefined ? { organization: message.organization } : {}),
    };
    const who = message.user.name ? `${message.user.name} (${message.user.id})` : message.user.id;
    const now = o.clock();

    if (CHANGES.has(sub) && !(await isAdmin(message))) {
      logger.info({ ...channel, user: message.user.id, command: sub }, 'refused a tips change from a non-admin');
      return refusalReply(surface);
    }
    const changed = (change: string, details: object = {}) =>
      logger.info({ ...channel, change, by: who, ...details }, `tips ${change}`);
    const current = await store.getSubscription(channel);
    const active = current?.active ? current : undefined;
    const notSubscribed = () =>
      note(
        'Not subscribed',
        `This channel does not get weekly tips. Start them with ${surface.tips('subscribe', 'usage')}.`,
      );

    switch (command.sub) {
      case 'subscribe':
        if ('unreadable' in command) return note("I couldn't read that schedule", command.unreadable);
        return subscribe(message, channel, command.schedule, now, who, changed, active);
      case 'unsubscribe': {
        if (!(await store.unsubscribe(channel, { at: now, by: who }))) return notSubscribed();
        changed('unsubscribe');
        return note(
          'Unsubscribed',
          'This channel will get no more weekly tips. ' +
            'Subscribe again any time; the rotation carries on where it stopped.',
        );
      }
      case 'pause': {
        if (!active) return notSubscribed();
        if (active.paused)
          return note(
            'Already paused',
            `Weekly tips are already paused here. ${surface.tips('resume')} starts them again.`,
          );
        await store.setPaused(channel, true, { at: now, by: who, reason: `paused by ${who}` });
        changed('pause');
        return note(
          'Paused',
          `Weekly tips are paused in this channel. ` +
            `${surface.tips('resume')} starts them again from the next scheduled time.`,
        );
      }
      case 'resume': {
        if (!active) return notSubscribed();
        if (!active.paused) return note('Not paused', `Weekly tips are running: ${await nextLine(active, now)}`);
        const resumed = await store.setPaused(channel, false, { at: now, by: who });
        changed('resume');
        const next = resumed ? await nextLine(resumed, now) : '';
        return note('Resumed', `Weekly tips are back on, ${describeSchedule(active.schedule)}. ${next}`.trim());
      }
      case 'skip': {
        if (!active) return notSubscribed();
        const next = await nextPostSlot(store, active, now, { ignoreSkip: true });
        if (!next) return note('Nothing to skip', 'Weekly tips are paused here; nothing is coming to skip.');
        const when = formatInZone(next.at, active.schedule.timeZone);
        if (active.skipSlot === next.key) return note('Already skipping', `The tip of ${when} is already skipped.`);
        const updated = await store.skipSlot(channel, next.key, { at: now, by: who });
        changed('skip', { slot: next.key });
        return note(
          'Skipping next week',
          `The tip of ${when} will not be posted. ${updated ? await nextLine(updated, now) : ''}`.trim(),
        );
      }
      case 'status':
        return statusReply(await describeStatus(store, content, channel, now, current), surface);
      case 'preview': {
        const next = await nextTipFor(store, content, channel);
        const reply = tipReply(content, next?.tip, null, surface);
        return { ...reply, title: `Preview, only you see this: ${reply.title}`, private: true };
      }
    }
  };

  async function subscribe(
    message: TipsMessage,
    channel: ChannelRef,
    input: ScheduleInput,
    now: Date,
    who: string,
    changed: (c: string, d?: object) => void,
    existing?: Subscription,
  ): Promise<Reply> {
    const { surface } = message;
    let zoneNote = '';
    let fallback = o.defaultTimeZone ?? 'UTC';
    if (input.timeZone === undefined) {
      const platformZone = await platformTimeZone(message);
      if (platformZone) {
        fallback = platformZone;
        zoneNote = `Time zone: ${platformZone}, the ${surface.workspace}'s usual zone.`;
      } else {
        const example = surface.tips('subscribe', { ...EXAMPLE_SCHEDULE, timeZone: 'America/New_York' });
        zoneNote =
          `Time zone: ${fallback}, because I can't tell the ${surface.workspace}'s zone. ` +
          `Add one to change it, e.g. ${example}.`;
      }
    }
    const parsed = parseSchedule(input, fallback, surface.tips('subscribe', EXAMPLE_SCHEDULE));
    if (!parsed.ok) return note("I couldn't read that schedule", parsed.error);
    const schedule: WeeklySchedule = parsed.value;
    const defaults = [
      input.day === undefined ? WEEKDAY_NAMES.mon : null,
      input.time === undefined ? '09:00' : null,
    ].filter(Boolean);
    const sub = await store.subscribe(channel, schedule, { at: now, by: who });
    changed(existing ? 'reschedule' : 'subscribe', { schedule });
    const gets = existing ? 'Updated: this channel now gets' : 'Subscribed: this channel gets';
    const chooseExample = surface.tips('subscribe', { day: 'friday', time: '14:30' });
    const lines = [
      `${gets} a skill tip ${describeSchedule(schedule)}. ${await nextLine(sub, now)}`,
      ...(defaults.length ? [`Using the default ${defaults.join(' ')} (say e.g. "${chooseExample}" to choose).`] : []),
      ...(zoneNote ? [zoneNote] : []),
    ];
    return note(existing ? 'Weekly tips updated' : 'Weekly tips on', ...lines);
  }

  async function nextLine(sub: Subscription, now: Date): Promise<string> {
    const next = await nextPostSlot(store, sub, now);
    return next ? `Next tip: ${formatInZone(next.at, sub.schedule.timeZone)}.` : '';
  }

  async function isAdmin(message: TipsMessage): Promise<boolean> {
    try {
      // No way to tell means no: changes stay with people we know are admins.
      return (await message.isAdmin?.()) === true;
    } catch (err) {
      logger.warn({ err, user: message.user.id }, 'admin check failed; treating the user as not an admin');
      return false;
    }
  }

  async function platformTimeZone(message: TipsMessage): Promise<string | null> {
    try {
      const zone = await message.timeZone?.();
      return zone ? parseTimeZone(zone) : null;
    } catch (err) {
      logger.warn({ err }, 'could not read the workspace time zone; using the default');
      return null;
    }
  }

  return { handle };
}
