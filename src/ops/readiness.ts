/** One thing the bot needs before it should take traffic: a platform connection, the store. */
export interface ReadinessCheck {
  readonly name: string;
  ready(): boolean | Promise<boolean>;
  /** When not ready, which parts are not (e.g. `shard 1 reconnecting`), for the /readyz body. */
  notReadyParts?(): string[];
}

export interface ReadinessReport {
  ready: boolean;
  /** Names of the checks that failed; `stopping` once a stop has begun. */
  notReady: string[];
  /** Every check by name, for the metrics gauge. */
  checks: Record<string, boolean>;
}

export interface Readiness {
  add(check: ReadinessCheck): void;
  /** From now on every report is not ready: a stop has begun. */
  markStopping(): void;
  readonly stopping: boolean;
  report(): Promise<ReadinessReport>;
}

/** A check slower than this counts as failed: a probe must answer within its own timeout. */
export const CHECK_TIMEOUT_MS = 2_000;

/**
 * The registry behind /readyz. Start-up adds a check per component as it is
 * created (a platform still connecting is added early and reports false), so
 * the bot is live but not ready until everything answers.
 */
export function createReadiness(o: { timeoutMs?: number } = {}): Readiness {
  const checks: ReadinessCheck[] = [];
  let stopping = false;
  const timeoutMs = o.timeoutMs ?? CHECK_TIMEOUT_MS;
  const run = async (check: ReadinessCheck): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([Promise.resolve(check.ready()), late]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    add: (check) => void checks.push(check),
    markStopping: () => void (stopping = true),
    get stopping() {
      return stopping;
    },
    async report() {
      const results = await Promise.all(checks.map(async (c) => [c.name, await run(c)] as const));
      const parts = (name: string) =>
        checks
          .find((c) => c.name === name)
          ?.notReadyParts?.()
          .map((p) => `${name}: ${p}`) ?? [];
      const notReady = results.filter(([, ok]) => !ok).flatMap(([name]) => [name, ...parts(name)]);
      if (stopping) notReady.unshift('stopping');
      return { ready: notReady.length === 0, notReady, checks: Object.fromEntries(results) };
    },
  };
}
