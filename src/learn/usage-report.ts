import type { LearnStore } from '../store/learn-store.js';
import { groupQuestions, type QuestionGroup } from './group-questions.js';

/** `career-bot report --json`: one object (README "Feedback and the question log"). */
export interface UsageReport {
  since: string | null;
  answers: {
    total: number;
    byIntent: Record<string, number>;
    byRole: Record<string, number>;
    bySection: Record<string, number>;
    byPlatform: Record<string, number>;
  };
  unanswered: QuestionGroup[];
  unknownRoles: { name: string; count: number }[];
  /** Answers with votes, least helpful first (share of Not helpful, then number of votes). */
  leastHelpful: { intent: string; roles: string[]; section: string | null; helpful: number; notHelpful: number }[];
  tips: { posted: number; failed: number; skipped: number; paused: number };
}

/** Distinct texts read before grouping: enough for the top of any realistic log. */
const TEXTS_READ = 1000;
const SHOWN = 20;

/** The report over every workspace (the operator's CLI), or over one (`workspace` given: an admin's, in chat). */
export async function usageReport(
  store: LearnStore,
  since: string | null,
  workspace?: string | null,
): Promise<UsageReport> {
  const u = await store.usage(since, TEXTS_READ, workspace);
  const tally = (pick: (a: (typeof u.answers)[number]) => string[]) => {
    const out: Record<string, number> = {};
    for (const a of u.answers) for (const k of pick(a)) out[k] = (out[k] ?? 0) + a.count;
    return Object.fromEntries(Object.entries(out).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])));
  };
  const leastHelpful = u.votes
    .map((v) => ({
      intent: v.intent,
      roles: v.roles ? v.roles.split(',') : [],
      section: v.section || null,
      helpful: v.helpful,
      notHelpful: v.notHelpful,
    }))
    .sort((a, b) => share(b) - share(a) || b.notHelpful - a.notHelpful)
    .slice(0, SHOWN);
  return {
    since,
    answers: {
      total: u.answers.reduce((n, a) => n + a.count, 0),
      byIntent: tally((a) => [a.intent]),
      byRole: tally((a) => (a.role ? a.role.split(',') : [])),
      bySection: tally((a) => (a.section ? [a.section] : [])),
      byPlatform: tally((a) => [a.platform]),
    },
    unanswered: groupQuestions(u.unanswered).slice(0, SHOWN),
    unknownRoles: u.unknownRoles.filter((r) => r.count > 1).slice(0, SHOWN),
    leastHelpful,
    tips: u.tips,
  };
}

const share = (v: { helpful: number; notHelpful: number }) => v.notHelpful / (v.helpful + v.notHelpful || 1);

/** The report as text, for the terminal and the admin's `/career report`. */
export function reportLines(r: UsageReport): string[] {
  const top = (o: Record<string, number>) =>
    Object.entries(o)
      .slice(0, 8)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  const unknownRoles = r.unknownRoles.map((x) => `${x.name} (${x.count})`).join(', ');
  return [
    `Answers${r.since ? ` since ${r.since}` : ''}: ${r.answers.total}`,
    `  by intent: ${top(r.answers.byIntent)}`,
    `  by role: ${top(r.answers.byRole)}`,
    `  by section: ${top(r.answers.bySection)}`,
    `  by platform: ${top(r.answers.byPlatform)}`,
    'Questions I could not answer well:',
    ...(r.unanswered.length
      ? r.unanswered
          .slice(0, 10)
          .map(
            (q) =>
              `  ${q.count} × "${q.text}" (${q.reason}${q.variants.length ? `, +${q.variants.length} similar` : ''})`,
          )
      : ['  none']),
    `Roles asked for that I have no profile for: ${unknownRoles || 'none'}`,
    'Least helpful answers by vote:',
    ...(r.leastHelpful.length
      ? r.leastHelpful
          .slice(0, 10)
          .map(
            (v) =>
              `  ${v.intent} ${v.roles.join(' vs ')}${v.section ? ` · ${v.section}` : ''}: ` +
              `${v.notHelpful} not helpful, ${v.helpful} helpful`,
          )
      : ['  no votes']),
    `Tips: ${r.tips.posted} posted, ${r.tips.failed} failed, ${r.tips.skipped} skipped; ` +
      `${r.tips.paused} channels paused`,
  ];
}
