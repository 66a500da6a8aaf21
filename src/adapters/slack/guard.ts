import type { Logger } from '../../core/logger.js';
import { classifySlackError } from './slack-errors.js';

/**
 * Runs one listener's work so that no failure escapes into Bolt: the error is
 * logged first, with Slack's error code and the logger's context (who, where,
 * which kind of message), then the user gets an apology where one can be
 * shown. If even that fails, it is logged too.
 */
export async function guard(
  log: Logger,
  work: () => Promise<void>,
  apologize: (err: unknown) => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    log.error({ err, code: classifySlackError(err).code }, 'slack: answering failed');
    try {
      await apologize(err);
    } catch (second) {
      log.warn({ err: second, code: classifySlackError(second).code }, 'slack: could not deliver the apology either');
    }
  }
}

/** Awaited by listeners right after `ack()`; see `createAnswerTurns`. */
export type AfterAcks = () => Promise<void>;

/** For listeners whose requests were acknowledged and queued before they ran. */
export const answerNow: AfterAcks = () => Promise.resolve();

/** How long the receiver must be free of new requests before answers run. */
export const ACK_QUIET_MS = 2;
/** Longest an answer waits for that quiet, so steady traffic never starves answers. */
export const ANSWER_MAX_WAIT_MS = 100;

/** Answers already ANSWER_MAX_WAIT_MS late that start in one event-loop turn. */
export const OVERDUE_PER_TURN = 8;

/**
 * Schedules answers after acknowledgements. Answering (the core, Block Kit,
 * and above all the HTTP call to response_url) costs several times what an
 * ack does; during a burst of slash commands, answers wait until no request
 * has arrived for ACK_QUIET_MS (at most ANSWER_MAX_WAIT_MS), then start one
 * per event-loop turn in arrival order, so the loop keeps polling between
 * them. Acks therefore never queue behind other people's answers, and the
 * answers still arrive well inside Slack's 3 seconds.
 */
export function createAnswerTurns(quietMs = ACK_QUIET_MS, maxWaitMs = ANSWER_MAX_WAIT_MS): AfterAcks {
  let last: Promise<void> = Promise.resolve();
  let lastAckAt = 0;
  let streak = 0;
  const quiet = (queuedAt: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        const now = performance.now();
        const wait = Math.min(lastAckAt + quietMs, queuedAt + maxWaitMs) - now;
        if (wait > 0) return void setTimeout(check, Math.ceil(wait));
        // Overdue answers (requests never stop coming) go a few per turn:
        // one per turn let a flood of busy replies hold the backlog ~10 s.
        if (now - queuedAt >= maxWaitMs && streak < OVERDUE_PER_TURN) {
          streak += 1;
          return resolve();
        }
        streak = 0;
        setImmediate(resolve);
      };
      check();
    });
  return () => {
    const queuedAt = (lastAckAt = performance.now());
    const turn = last.then(() => quiet(queuedAt));
    last = turn;
    return turn;
  };
}
