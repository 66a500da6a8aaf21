export interface FakeApiOptions {
  /** Keep each request body (off for the 10,000-channel bench). */
  keepBodies?: boolean;
  /** Delay before answering, like a network round trip. */
  latencyMs?: number;
  /** How late a `deliver-then-late` answer comes (default 2 s): longer than the posters' timeout in the test. */
  lateMs?: number;
  slack?: { globalPerSecond?: number; perChannel?: { count: number; windowMs: number } };
  discord?: { globalPerSecond?: number; perChannel?: { count: number; windowMs: number } };
}

export type Platform = 'slack' | 'discord';

export type FailKind =
  '429' | 'permanent' | 'transient' | 'refused' | 'deliver-then-500' | 'deliver-then-late' | 'deliver-then-reset';

export interface RecordedPost {
  platform: Platform;
  channel: string;
  status: number;
  outcome:
    | 'ok'
    | '429'
    | 'permanent'
    | 'transient'
    | 'refused'
    | 'token-refused'
    | 'deduplicated'
    | 'delivered-then-500'
    | 'delivered-then-late'
    | 'delivered-then-reset';
  at: number;
  body?: any;
}

export interface FakeApis {
  /** For SLACK_API_URL (the WebClient's slackApiUrl). */
  slackApiUrl: string;
  /** For DISCORD_API_URL (@discordjs/rest's api option). */
  discordApiUrl: string;
  posts: RecordedPost[];
  /** Messages stored per channel (also those whose answer then went wrong). */
  delivered: Record<Platform, Map<string, number>>;
  rateLimited: Record<Platform, number>;
  /** Discord posts answered with the earlier message of the same nonce (enforce_nonce). */
  deduplicated: Record<Platform, number>;
  /** Answers every post of the platform as a refused token (Slack invalid_auth, Discord 401) until called with false. */
  refuseToken(platform: Platform, refuse?: boolean): void;
  /**
   * The next post(s) to the channel: `transient` a 500 storing nothing, `refused` a refusal storing nothing (Slack
   * service_unavailable, Discord 400), `deliver-then-*` stores the message and then answers 500, answers late, or resets.
   */
  failNext(platform: Platform, channel: string, kind: FailKind, times?: number): void;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function startFakeApis(options?: FakeApiOptions): Promise<FakeApis>;
