import type { Content } from '../core/content/types.js';
import type { CliIo } from './main.js';

/** The parsed command-line flags (see `main.ts` for the full table). */
export interface TipsCommandOptions {
  json?: boolean;
  content?: string;
  platform?: string;
  channel?: string;
  day?: string;
  time?: string;
  tz?: string;
  at?: string;
}

/** `career-bot tips <subcommand>`: list (more come with the weekly-tips issue). */
export async function tipsCommand(content: Content, sub: string | undefined, options: TipsCommandOptions, io: CliIo): Promise<number> {
  if (sub === 'list') {
    const tips = content.tips.map((t) => ({ id: t.id, roles: t.roles, text: t.text, skill: t.skill, section: t.section ?? null }));
    io.stdout.write(options.json ? `${JSON.stringify(tips)}\n` : `${tips.map((t) => `${t.id} [${t.roles.join(', ')}] ${t.text}`).join('\n')}\n`);
    return 0;
  }
  io.stderr.write(`career-bot: unknown tips command "${sub ?? ''}" (try: career-bot tips list --json)\n`);
  return 2;
}
