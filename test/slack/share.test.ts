import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buttonPress,
  buttonsOf,
  findButton,
  FORM,
  slashCommand,
  startHttpHarness,
  visibleText,
  type Harness,
} from './harness.js';
import { blockKitProblems } from './limits.js';

const SALARY_QUESTION = 'what does a senior ML systems engineer make in Seattle?';

describe('Slack: "Share in channel" (real Bolt receiver, fake Web API and response_url)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const command = async (text: string, responseId: string) => {
    expect((await h.post(slashCommand(h.fake, { text, responseId }), FORM)).status).toBe(200);
    return (await h.fake.waitForResponse(responseId)).body;
  };
  const press = async (o: Parameters<typeof buttonPress>[1]) =>
    expect((await h.post(buttonPress(h.fake, o), FORM)).status).toBe(200);
  const sharedBy = (user: string) => ({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Shared by <@${user}>`, verbatim: true }],
  });

  it('shares an answer in the channel through response_url, attributed to the sharer, then removes the private copy', async () => {
    const answer = await command(SALARY_QUESTION, 'r-share-src');
    await press({
      button: findButton(answer.blocks, 'Share in channel'),
      responseId: 'r-share',
      channel: 'C-share',
      user: 'U1',
    });
    const { body } = await h.fake.waitForResponse('r-share', (r) => r.body.response_type === 'in_channel');
    expect(body.replace_original).toBe(false);
    expect(body.blocks[0].text.text).toBe('ML Systems Engineer · Salary');
    expect(body.blocks[1]).toEqual(sharedBy('U1'));
    expect(body.text).toContain('(Shared by <@U1>)');
    expect(visibleText(body)).toContain('$153,000 – $267,000');
    expect(buttonsOf(body.blocks).map((b) => b.text.text)).not.toContain('Share in channel');
    expect(blockKitProblems(body)).toEqual([]);
    await h.fake.waitForResponse('r-share', (r) => r.body.delete_original === true);
    // Shared first, then deleted: the answer is never gone from both places.
    expect(
      h.fake.responses
        .filter((r) => r.id === 'r-share')
        .map((r) => r.body.response_type ?? (r.body.delete_original && 'delete')),
    ).toEqual(['in_channel', 'delete']);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C-share')).toEqual([]);
  });

  it('shares in a channel the bot has not joined, where chat.postMessage would fail with not_in_channel', async () => {
    h.fake.notJoined.add('C-out');
    await press({
      button: { action_id: 'career_share', value: 'a:s:llm-sme:overview' },
      responseId: 'r-share-out',
      channel: 'C-out',
      user: 'U4',
    });
    const { body } = await h.fake.waitForResponse('r-share-out', (r) => r.body.response_type === 'in_channel');
    expect(body.replace_original).toBe(false);
    expect(body.blocks[0].text.text).toBe('Large Language Model SME · Overview');
    expect(body.blocks[1]).toEqual(sharedBy('U4'));
    await h.fake.waitForResponse('r-share-out', (r) => r.body.delete_original === true);
    expect(h.fake.calls.filter((c) => c.args.channel === 'C-out')).toEqual([]);
    expect(h.logs.lines.filter((l) => l.channel === 'C-out' && l.level >= 40)).toEqual([]);
  });

  it('falls back to chat.postMessage to share when the press carries no response_url', async () => {
    await press({
      button: { action_id: 'career_share', value: 'a:s:llm-sme:trends' },
      responseId: null,
      channel: 'C-nourl',
      user: 'U4',
      ephemeral: false,
    });
    const call = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C-nourl');
    expect(call.args.blocks[0].text.text).toBe('Large Language Model SME · Trends');
    expect(call.args.blocks[1]).toEqual(sharedBy('U4'));
  });
});
