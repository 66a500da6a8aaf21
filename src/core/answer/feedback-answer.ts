import type { Content } from '../content/types.js';
import type { AnsweredQuestion, VoteOutcome } from '../feedback.js';
import type { Reply } from '../reply.js';
import type { Answer } from '../bot.js';
import type { QuestionMessage, ReportMessage } from '../message.js';

/** The private thanks for a Helpful / Not helpful press. */
export function feedbackAck(helpful: boolean, outcome: VoteOutcome): Reply {
  const text =
    outcome === 'changed'
      ? `Vote changed: noted as ${helpful ? 'helpful' : 'not helpful'}.`
      : outcome === 'unchanged'
        ? `You already marked that answer as ${helpful ? 'helpful' : 'not helpful'}.`
        : outcome === 'unkept'
          ? 'Thanks. (This bot runs without a store, so votes are not kept.)'
          : helpful
            ? 'Thanks, glad it helped.'
            : 'Thanks for saying so: the people who keep the profiles will see it.';
  return { intent: 'help', title: 'Feedback', blocks: [{ type: 'paragraph', text }], choices: [], private: true };
}

/** What the answer log is told about one answered question. */
export function loggedAnswer(
  content: Content,
  message: Pick<QuestionMessage, 'platform' | 'text' | 'conversation'>,
  a: Answer,
): AnsweredQuestion {
  const role = a.role ? content.roleById.get(a.role) : undefined;
  const noSection =
    role !== undefined &&
    ((a.intent === 'role' && a.section !== null && a.section !== 'salary' && !role.sections.has(a.section)) ||
      (a.intent === 'salary' && !role.salary && !role.sections.has('salary')));
  return {
    platform: message.platform,
    workspace: message.conversation.workspace,
    text: message.text,
    intent: a.intent,
    roles: a.roles,
    section: a.section,
    level: a.level,
    confidence: a.confidence,
    suggestions: a.suggestions,
    noSection,
  };
}

/** An admin's `/career report`: the usage report's lines, privately; refused to everyone else. */
export async function reportReply(
  message: ReportMessage,
  usageReport: ((since: string | null, workspace: string | null) => Promise<string[]>) | undefined,
): Promise<Reply> {
  const base = { intent: 'help' as const, title: 'Usage report', choices: [], private: true };
  if (!usageReport)
    return {
      ...base,
      blocks: [{ type: 'paragraph', text: 'Usage reports are not enabled on this bot (it runs without a store).' }],
    };
  if (!(await message.canReadReports?.())) {
    return {
      ...base,
      blocks: [
        {
          type: 'paragraph',
          text: 'The usage report is for admins only (workspace admins on Slack, Manage Server on Discord).',
        },
      ],
    };
  }
  // Only the asker's own workspace: one deployment may serve many Slack workspaces and Discord servers.
  const lines = await usageReport(message.since, message.conversation.workspace);
  return {
    ...base,
    blocks: [
      { type: 'paragraph', text: lines[0] ?? '' },
      { type: 'list', ordered: false, items: lines.slice(1).map((l) => l.trim()) },
    ],
  };
}
