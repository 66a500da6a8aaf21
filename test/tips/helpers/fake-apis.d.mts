export interface FakeApiOptions {
  /** Keep each request body (off for the 10,000-channel bench). */
  keepBodies?: boolean;
  /** Delay before answering, like a network round trip. */
  latencyMs?: number;
  slack?: { globalPerSecond?: number; perChannel?: { count: number; windowMs: number } };
  discord?: { globalPerSecond?: number; perChannel?: { count: number; windowMs: number } };
}

export type Platform = 'slack' | 'discord';

export interface RecordedPost {
  platform: Platform;
  channel: string;
  status: number;
  outcome: 'ok' | '429' | 'permanent' | 'transient';
  at: number;
  body?: any;
}

export interface FakeApis {
  /** For SLACK_API_URL (the WebClient's slackApiUrl). */
  slackApiUrl: string;
  /** For DISCORD_API_URL (@discordjs/rest's api option). */
  discordApiUrl: string;
  posts: RecordedPost[];
  /** Successful posts per channel. */
  delivered: Record<Platform, Map<string, number>>;
  rateLimited: Record<Platform, number>;
  failNext(platform: Platform, channel: string, kind: '429' | 'permanent' | 'transient', times?: number): void;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function startFakeApis(options?: FakeApiOptions): Promise<FakeApis>;
