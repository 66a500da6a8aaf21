import { createHash } from 'node:crypto';
import slackOAuth, { type InstallURLOptions, type StateStore } from '@slack/oauth';
import type { InstallationRecords } from '../../../store/installation-queries.js';

// A CommonJS package whose re-exports Node's ESM loader cannot name: take them from the default export.
const { ClearStateStore, InvalidStateError } = slackOAuth;

/** How long an install link stays good: Slack's own default. */
export const STATE_TTL_SECONDS = 600;

/**
 * @slack/oauth's signed, expiring state (ClearStateStore, keyed by
 * SLACK_STATE_SECRET), made single-use: the first redirect that presents a
 * state records its hash in the store, shared by every replica, and any later
 * one is refused. The signature stops a forged state; this stops a replayed
 * one (a redirect URL and cookie captured from a browser or a log).
 */
export function singleUseStateStore(o: { secret: string; records: InstallationRecords; now?: () => Date }): StateStore {
  const signed = new ClearStateStore(o.secret, STATE_TTL_SECONDS);
  const now = o.now ?? (() => new Date());
  return {
    generateStateParam: (options: InstallURLOptions, at: Date) => signed.generateStateParam(options, at),
    async verifyStateParam(at: Date, state: string) {
      const options = await signed.verifyStateParam(at, state);
      const hash = createHash('sha256').update(state).digest('base64url');
      const first = await o.records.consumeState(hash, new Date(at.getTime() + STATE_TTL_SECONDS * 1000), now());
      if (!first) throw new InvalidStateError('The state value was already used');
      return options;
    },
  };
}
