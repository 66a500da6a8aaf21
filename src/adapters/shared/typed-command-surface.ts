import type { Surface } from '../../core/surface.js';
import type { ScheduleInput } from '../../core/tips/schedule.js';

export interface TypedCommandSyntax {
  /** The one slash command everything is typed after, e.g. `/career`. */
  command: string;
  workspace: string;
  tipsAdmins: string;
  tipsElsewhere?: string;
}

/**
 * The surface of a platform where commands are one line of typed words after
 * a slash command (Slack, the console): `/career ROLE TOPIC`,
 * `/career tips subscribe DAY TIME ZONE`.
 */
export function typedCommandSurface(syntax: TypedCommandSyntax): Surface {
  const line = (...words: Array<string | undefined>) => [syntax.command, ...words].filter(Boolean).join(' ');
  return {
    ask: (role, topic) => line(role, topic),
    tips: (sub, schedule) => line('tips', sub, ...scheduleWords(schedule)),
    workspace: syntax.workspace,
    tipsAdmins: syntax.tipsAdmins,
    ...(syntax.tipsElsewhere ? { tipsElsewhere: syntax.tipsElsewhere } : {}),
  };
}

function scheduleWords(schedule: ScheduleInput | 'usage' | undefined): Array<string | undefined> {
  if (schedule === undefined) return [];
  if (schedule === 'usage') return ['[day] [time] [timezone]'];
  return [schedule.day, schedule.time, schedule.timeZone];
}
