import type { Logger } from '../../core/logger.js';
import { classifySlackError } from './slack-errors.js';

/**
 * Runs one listener's work so that no failure escapes into Bolt: the error is
 * logged first, with Slack's error code and the logger's context (who, where,
 * which kind of message), then the user gets an apology where one can be
 * shown. If even that fails, it is logged too.
 */
export async function guard(log: Logger, work: () => Promise<void>, apologize: (err: unknown) => Promise<unknown>): Promise<void> {
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

/**
 * Gives each answer its own turn of the event loop, in arrival order. A
 * listener awaits its turn right after `ack()`: between two answers the loop
 * polls the network again, so a request that arrives during a burst is
 * acknowledged after at most one answer's worth of CPU, not the whole
 * burst's. Only the synchronous start of an answer is serialised; the Web
 * API calls that follow still run concurrently.
 */
export function createAnswerTurns(): AfterAcks {
  let last: Promise<void> = Promise.resolve();
  return () => {
    const turn = last.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    last = turn;
    return turn;
  };
}
