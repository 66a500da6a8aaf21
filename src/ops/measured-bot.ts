import type { Bot } from '../core/bot.js';
import type { BotMetrics } from './metrics.js';

export interface MeasuredBot {
  /** The same bot, whose `handle` counts and times every answer. */
  readonly bot: Bot;
  readonly inFlight: number;
  /** Resolves once no answer is in flight (at once when none is), or after `timeoutMs`; true when drained. */
  drained(timeoutMs: number): Promise<boolean>;
}

/**
 * The one place every platform's answer passes: start-up hands adapters this
 * bot instead of the core's, so `career_bot_answers_total` and the duration
 * histogram count Slack, Discord and anything added later alike, and a stop
 * can wait for answers in flight before closing the platforms.
 */
export function measureBot(bot: Bot, metrics: BotMetrics | undefined): MeasuredBot {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    inFlight -= 1;
    if (inFlight === 0) for (const w of waiters.splice(0)) w();
  };
  const handle: Bot['handle'] = async (message) => {
    inFlight += 1;
    const started = process.hrtime.bigint();
    try {
      const reply = await bot.handle(message);
      if (metrics) {
        metrics.answers.inc({ platform: message.platform, intent: reply.intent });
        metrics.answerDuration.observe({ platform: message.platform }, Number(process.hrtime.bigint() - started) / 1e9);
      }
      return reply;
    } finally {
      settle();
    }
  };
  return {
    bot: { ...bot, handle },
    get inFlight() {
      return inFlight;
    },
    drained(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== done);
          resolve(false);
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.push(done);
      });
    },
  };
}
