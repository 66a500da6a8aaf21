import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnswerLog } from '../../src/core/feedback.js';
import { createAnswerLog } from '../../src/learn/answer-log.js';
import { reportLines, usageReport as usageReportOf } from '../../src/learn/usage-report.js';
import { createVoterKey } from '../../src/learn/voter-key.js';
import { openStore } from '../../src/store/open-store.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { registerSecret, testLogger } from './log-sink.js';

/** A SQLite store in a folder of its own, with the answer log and usage report a running bot wires to it. */
export interface LearningStore {
  store: TipStore;
  dataDir: string;
  answerLog: AnswerLog;
  usageReport: (since: string | null, workspace: string | null) => Promise<string[]>;
  /** Closes the store and removes its folder. */
  close(): Promise<void>;
}

export async function openLearningStore(name: string, voterSecret: string): Promise<LearningStore> {
  registerSecret(voterSecret);
  const dataDir = mkdtempSync(path.join(tmpdir(), `career-bot-${name}-`));
  const store = await openStore({ dataDir, logger: testLogger() });
  const answerLog = createAnswerLog({
    store: store.learning,
    clock: () => new Date(),
    questionLogDays: 90,
    voterKey: createVoterKey(voterSecret, testLogger()),
  });
  return {
    store,
    dataDir,
    answerLog,
    usageReport: async (since, workspace) => reportLines(await usageReportOf(store.learning, since, workspace)),
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
