import type { ScheduleInput } from './tips/schedule.js';
import type { TipsSubcommand } from './tips/tips-request.js';

/**
 * How people write commands on one platform and what it calls things. Each
 * adapter supplies one; the core and the tips logic write every command hint
 * through it, so no platform's syntax is spelled outside its adapter.
 */
export interface Surface {
  /** Asking about a role and topic (`/career llm sme skills`); with neither, the list of roles. */
  ask(role?: string, topic?: string): string;
  /** A tips subcommand; `schedule` fills subscribe's fields, `'usage'` shows them as placeholders. */
  tips(sub: TipsSubcommand, schedule?: ScheduleInput | 'usage'): string;
  /** What a workspace is called here, e.g. "workspace" or "server". */
  readonly workspace: string;
  /** Who may change a channel's weekly tips here, as a phrase. */
  readonly tipsAdmins: string;
  /** Why weekly tips cannot be set up here at all (a surface without channels); absent where they can. */
  readonly tipsElsewhere?: string;
}

/** The schedule shown in examples: every platform writes it in its own syntax. */
export const EXAMPLE_SCHEDULE: ScheduleInput = { day: 'monday', time: '09:00', timeZone: 'Europe/Berlin' };
