import type { Surface } from '../../core/surface.js';
import { CAREER_COMMAND, TIPS_COMMAND } from './command-names.js';

/**
 * How Discord people write commands: `/career` with a role and a topic
 * option, and weekly tips under their own `/tips` with named options.
 */
export const discordSurface: Surface = {
  ask: (role, topic) =>
    [`/${CAREER_COMMAND}`, role && `role:${role}`, role && topic && `topic:${topic}`].filter(Boolean).join(' '),
  tips: (sub, schedule) => {
    const base = `/${TIPS_COMMAND} ${sub}`;
    if (schedule === undefined) return base;
    if (schedule === 'usage') return `${base} [day] [time] [timezone]`;
    const fields = [
      ['day', schedule.day],
      ['time', schedule.time],
      ['timezone', schedule.timeZone],
    ] as const;
    return [base, ...fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}:${v}`)].join(' ');
  },
  workspace: 'server',
  tipsAdmins: 'members with the Manage Channels permission',
};
