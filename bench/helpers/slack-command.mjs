import { createHmac } from 'node:crypto';

/** The signing secret the Slack benches start their bot with. */
export const SECRET = 'benchsigningsecret01';

/** A mix of what people ask: a role and topic, pay with level and city, a bare role, a lay title, and nothing. */
export const QUESTIONS = [
  'ml systems engineer skills',
  'what does a senior ML systems engineer make in Seattle?',
  'knowledge graph engineer',
  'llm sme trends',
  'graph person',
  '',
];

/**
 * The `n`th `/career` as Slack sends it, signed now: the form body and the
 * headers that go with it. Its number names its response_url on the fake, and
 * its trigger_id is its own (the bot refuses one it has seen).
 */
export function signedCareerCommand(n, fakePort) {
  const body = new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'ada',
    command: '/career',
    text: QUESTIONS[n % QUESTIONS.length],
    api_app_id: 'A1',
    trigger_id: `${n}.${process.pid}.bench`,
    response_url: `http://127.0.0.1:${fakePort}/response/${n}`,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'x-slack-request-timestamp': ts,
      'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
    },
  };
}
