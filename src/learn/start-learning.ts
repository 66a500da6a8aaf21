import type { Config } from '../config.js';
import type { AnswerLog } from '../core/feedback.js';
import type { Logger } from '../core/logger.js';
import type { LearnStore } from '../store/learn-store.js';
import { createAnswerLog } from './answer-log.js';
import { startQuestionLogSweeper } from './question-log-sweep.js';
import { createVoterKey } from './voter-key.js';

/** The running bot's answer log and its daily retention sweep. */
export function startLearning(
  store: LearnStore,
  config: Pick<Config, 'FEEDBACK_SECRET' | 'QUESTION_LOG_DAYS'>,
  clock: () => Date,
  logger: Logger,
): { answerLog: AnswerLog; stop(): Promise<void> } {
  const log = logger.child({ component: 'learning' });
  const days = config.QUESTION_LOG_DAYS;
  const sweeper = startQuestionLogSweeper({ store, days, clock, logger: log });
  const answerLog = createAnswerLog({
    store,
    clock,
    questionLogDays: days,
    voterKey: createVoterKey(config.FEEDBACK_SECRET, log),
  });
  return {
    answerLog,
    stop: () => {
      sweeper.stop();
      return Promise.resolve();
    },
  };
}
