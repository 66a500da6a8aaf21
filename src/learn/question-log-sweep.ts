import cron from 'node-cron';
import type { Logger } from '../core/logger.js';
import type { LearnStore } from '../store/learn-store.js';
import { utcDay } from './answer-log.js';

const DAY_MS = 24 * 3600 * 1000;

/** Deletes logged questions older than `days` days before `now` (all of them when days is 0). */
export function sweepQuestionLog(store: LearnStore, days: number, now: Date): Promise<number> {
  return store.sweepQuestions(
    utcDay(new Date(now.getTime() - Math.max(0, days - 1) * DAY_MS + (days === 0 ? DAY_MS : 0))),
  );
}

export interface QuestionLogSweeper {
  sweepNow(): Promise<number>;
  stop(): void;
}

/** Sweeps at start and then daily; a failed sweep is logged and tried again the next day. */
export function startQuestionLogSweeper(o: {
  store: LearnStore;
  days: number;
  clock: () => Date;
  logger: Logger;
}): QuestionLogSweeper {
  const sweepNow = async () => {
    try {
      const deleted = await sweepQuestionLog(o.store, o.days, o.clock());
      if (deleted) o.logger.info({ deleted, days: o.days }, 'question log swept');
      return deleted;
    } catch (err) {
      o.logger.warn({ err }, 'question log sweep failed');
      return 0;
    }
  };
  const task = cron.schedule('17 4 * * *', () => void sweepNow(), { name: 'career-bot question log sweep' });
  void sweepNow();
  return { sweepNow, stop: () => void task.stop() };
}
