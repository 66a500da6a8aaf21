import { parseConfig } from '../config.js';
import { createLogger } from '../create-logger.js';
import { reportLines, usageReport } from '../learn/usage-report.js';
import { openStore } from '../store/open-store.js';

/** `career-bot report [--since DATE] [--json]`: what the store holds about use. */
export async function reportCommand(
  since: string | undefined,
  json: boolean,
  io: { env: Record<string, string | undefined>; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
    io.stderr.write(`career-bot: --since must be a date such as 2026-01-31, not "${since}"\n`);
    return 2;
  }
  const parsed = parseConfig(io.env, 'post');
  if (!parsed.ok) {
    io.stderr.write(`career-bot: invalid configuration:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 1;
  }
  const c = parsed.config;
  const logger = createLogger(io.env.LOG_LEVEL ? c.LOG_LEVEL : 'warn', io.stderr);
  const store = await openStore({
    ...(c.DATABASE_URL ? { databaseUrl: c.DATABASE_URL } : {}),
    dataDir: c.DATA_DIR,
    logger,
  });
  try {
    const report = await usageReport(store.learning, since ?? null);
    io.stdout.write(json ? `${JSON.stringify(report)}\n` : `${reportLines(report).join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
