import type { AnswerLog, AnsweredQuestion } from '../core/feedback.js';
import type { LearnStore, UnansweredReason } from '../store/learn-store.js';
import { maskQuestion, unknownRoleName } from './mask-question.js';

/** Below this a role answer is kept in the log as a guess worth checking (the answer threshold is 0.6). */
export const LOW_CONFIDENCE = 0.8;

export interface AnswerLogOptions {
  store: LearnStore;
  clock: () => Date;
  /** Days logged questions are kept; 0 logs none (answers are still counted, votes still kept). */
  questionLogDays: number;
  voterKey: (platform: string, userId: string) => string;
}

export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Why an answer belongs in the unanswered-question log, or null when it does not. */
export function unansweredReason(q: AnsweredQuestion): UnansweredReason | null {
  if (q.intent === 'unknown') return 'unknown';
  if (q.noSection) return 'no-section';
  if ((q.intent === 'role' || q.intent === 'salary') && q.roles.length > 0 && q.confidence < LOW_CONFIDENCE)
    return 'low-confidence';
  return null;
}

/** The core's AnswerLog on the store: counts every answer, logs the unanswered ones masked, keys votes. */
export function createAnswerLog(o: AnswerLogOptions): AnswerLog {
  return {
    async answered(q) {
      const day = utcDay(o.clock());
      const reason = o.questionLogDays > 0 ? unansweredReason(q) : null;
      const text = reason ? maskQuestion(q.text) : '';
      // A question with no words left after masking tells the content keepers nothing.
      const logged =
        reason && text
          ? {
              day,
              workspace: q.workspace,
              platform: q.platform,
              reason,
              intent: q.intent,
              text,
              unknownRole: reason === 'unknown' ? unknownRoleName(text) : null,
              suggestions: q.suggestions,
            }
          : undefined;
      await o.store.recordAnswer(
        { day, workspace: q.workspace, platform: q.platform, intent: q.intent, roles: q.roles, section: q.section },
        logged,
      );
    },
    vote: ({ platform, workspace, user, helpful, target }) =>
      o.store.vote({
        voter: o.voterKey(platform, user),
        workspace,
        platform,
        intent: target.intent,
        roles: target.roles,
        section: target.section,
        helpful,
        day: utcDay(o.clock()),
      }),
  };
}
