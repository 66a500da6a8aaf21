import type { Config } from '../config.js';
import type { Bot } from '../core/bot.js';
import type { Logger } from '../core/logger.js';
import type { Surface } from '../core/surface.js';
import type { TipPoster } from '../core/tips/tip-poster.js';
import type { TipStore } from '../store/tip-store.js';
import type { OpsRoutes } from '../ops/ops-routes.js';

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
  /**
   * Probes and metrics, for a platform that runs its own HTTP server to serve
   * beside its paths (see `servesRoutes`).
   */
  routes?: OpsRoutes;
  /** Event ids claimed in the store every replica shares, so a redelivered event is acted on once. */
  eventClaims?: EventClaims;
  /** Told of every 429 the platform's API answers (metrics). */
  onRateLimited?: () => void;
}

/** Event ids claimed in a store that every replica shares (PostgreSQL with several processes). */
export interface EventClaims {
  /** True for the first claim of the id anywhere; false when another delivery (here or on a replica) took it. */
  claim(eventId: string, at: Date): Promise<boolean>;
  /** Forgets claims older than `before`. */
  sweep(before: Date): Promise<number>;
}

/** A started platform. */
export interface RunningPlatform {
  /** Connected and answering (for readiness checks). */
  ready(): boolean;
  /** When not ready, the parts that are not (Discord: `shard 1 reconnecting`), named in /readyz's body. */
  notReadyParts?(): string[];
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
  /** Whether `start` serves `deps.routes` on an HTTP server of its own (else the bot opens a small one). */
  servesRoutes(config: Config): boolean;
  /** Loads the platform's library on demand: a bot without this platform never pays its memory. */
  start(deps: PlatformDeps): Promise<RunningPlatform>;
  /**
   * Null when `id` has the form of a channel id on this platform, else what
   * the form is (for the operator): the CLI refuses anything else before it
   * reaches the store or a terminal.
   */
  channelIdProblem(id: string): string | null;
  /** Posts weekly tips through the platform's Web/REST API only; null when the config holds no token for it. */
  poster(config: Config, logger: Logger, store?: TipStore): Promise<TipPoster | null>;
}
