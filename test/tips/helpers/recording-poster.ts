import { DISCORD_PACE } from '../../../src/adapters/discord/discord-poster.js';
import { SLACK_PACE } from '../../../src/adapters/slack/slack-poster.js';
import { discordSurface } from '../../../src/adapters/discord/discord-surface.js';
import { slackSurface } from '../../../src/adapters/slack/slack-surface.js';
import type { Reply } from '../../../src/core/reply.js';
import type { PostOutcome, TipPoster } from '../../../src/core/tips/tip-poster.js';

export interface RecordedPost {
  channelId: string;
  reply: Reply;
}

/**
 * An in-process poster for the runner's logic. `behave` decides each post's
 * outcome (default ok); the HTTP-level paths use the real adapters against
 * fake-apis.ts instead.
 */
export function recordingPoster(
  platform: TipPoster['platform'],
  behave?: (channelId: string, attempt: number) => PostOutcome | Promise<PostOutcome>,
) {
  const posts: RecordedPost[] = [];
  const attempts = new Map<string, number>();
  let stopped = 0;
  const poster: TipPoster & { posts: RecordedPost[]; stops: () => number } = {
    platform,
    surface: platform === 'discord' ? discordSurface : slackSurface,
    pace: platform === 'discord' ? DISCORD_PACE : SLACK_PACE,
    posts,
    stops: () => stopped,
    async post(channelId, reply) {
      const n = (attempts.get(channelId) ?? 0) + 1;
      attempts.set(channelId, n);
      const outcome = behave ? await behave(channelId, n) : { ok: true as const, messageId: `m${posts.length + 1}` };
      if (outcome.ok) posts.push({ channelId, reply });
      return outcome;
    },
    async stop() {
      stopped += 1;
    },
  };
  return poster;
}

/** A promise with its resolve handle, to hold a poster mid-post. */
export function gate<T = void>() {
  let open!: (v: T) => void;
  const promise = new Promise<T>((r) => (open = r));
  return { promise, open };
}
