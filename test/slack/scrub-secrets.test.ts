import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBoltLogger } from '../../src/adapters/slack/bolt-logger.js';
import { scrubSecrets } from '../../src/adapters/slack/oauth/scrub-secrets.js';
import { createLogger } from '../../src/create-logger.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { LogCapture } from './harness.js';

/** The WebClient at debug prints request bodies, redacting only keys named like "token". */
describe('secrets in the Slack libraries\u2019 debug lines', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => fake.close());

  const exchange = async (
    wrap: (l: ReturnType<typeof toBoltLogger>) => ReturnType<typeof toBoltLogger>,
    logs = new LogCapture(),
  ) => {
    const logger = wrap(toBoltLogger(createLogger('debug', logs.stream)));
    const client = new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl, logger, retryConfig: { retries: 0 } });
    fake.grants.set('c1', { team: { id: 'TS', name: 'S' }, botToken: 'xoxb-scrub-6666-secret' });
    await client.oauth.v2.access({ client_id: fake.client.id, client_secret: fake.client.secret, code: 'c1' });
    return logs.lines.map((l) => JSON.stringify(l)).join('\n');
  };

  it('would print the client secret unfiltered (why the filter exists)', async () => {
    // Kept out of the log scan: this exchange prints the client secret on purpose, to show why the filter exists.
    expect(await exchange((l) => l, new LogCapture({ scanned: false }))).toContain(fake.client.secret);
  });

  it('prints neither the client secret nor the issued token through the filter', async () => {
    const text = await exchange((l) => scrubSecrets(l, [fake.client.secret]));
    expect(text).toContain('oauth.v2.access');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(fake.client.secret);
    expect(text).not.toContain('xoxb-scrub-6666-secret');
  });
});
