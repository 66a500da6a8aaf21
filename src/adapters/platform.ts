import type { Config } from '../config.js';
import type { Bot } from '../core/bot.js';
import type { Logger } from '../core/logger.js';
import type { Surface } from '../core/surface.js';
import type { TipPoster } from '../core/tips/tip-poster.js';
import type { TipStore } from '../store/tip-store.js';

/** What a platform is started with. */
export interface PlatformDeps {
  /** Answers every message; a delegate, so content reloads reach a running platform. */
  bot: Bot;
  config: Config;
  logger: Logger;
  /** Called once if the platform can never hear again (token revoked, intents refused): the bot should stop. */
  onFatal: (err: Error) => void;
  /** The bot's store, for a platform that keeps state of its own there (Slack OAuth installations). */
  store?: TipStore;
}

/** A started platform. */
export interface RunningPlatform {
  /** Connected and answering (for readiness checks). */
  ready(): boolean;
  /** What readiness rests on, for /readyz's body (Discord: each shard's state). */
  readiness?(): Record<string, unknown>;
  /** Disconnects; idempotent. */
  stop(): Promise<void>;
}

/**
 * One chat platform behind one door. Inside its folder a platform turns its
 * events into the core's `IncomingMessage` (a question, a button or a tips
 * command, with its `Surface` and a `ConversationKey`), hands it to
 * `bot.handle`, and renders the neutral `Reply` as its own payload. Nothing
 * outside the folder knows its name or syntax; `src/cli/platforms.ts` lists it.
 */
export interface Platform {
  /** The name the store keys its channels by (`slack`, `discord`). */
  readonly name: string;
  readonly surface: Surface;
  /** Whether the configuration turns on chat on this platform. */
  chatEnabled(config: Config): boolean;
  start(deps: PlatformDeps): Promise<RunningPlatform>;
  /** Posts weekly tips through the platform's Web/REST API only; null when the config holds no token for it. */
  poster(config: Config, logger: Logger, store?: TipStore): TipPoster | null;
}
