import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryContextStore } from '../../src/core/conversation/memory-context-store.js';
import {
  buttonPress,
  eventCallback,
  findButton,
  FORM,
  JSON_TYPE,
  slashCommand,
  startHttpHarness,
  visibleText,
  type Harness,
} from './harness.js';

describe('Slack conversations (real Bolt receiver, fake Web API)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHttpHarness({ bot: { contexts: createMemoryContextStore() } });
  });
  afterAll(async () => {
    await h?.stop();
  });
  const event = async (e: Record<string, unknown>) =>
    expect((await h.post(eventCallback(e), JSON_TYPE)).status).toBe(200);
  const command = async (text: string, responseId: string, channel = 'C-conv') => {
    expect((await h.post(slashCommand(h.fake, { text, responseId, channel }), FORM)).status).toBe(200);
    return (await h.fake.waitForResponse(responseId)).body;
  };

  it('carries the role and level through follow-ups in a DM', async () => {
    await event({
      type: 'message',
      channel: 'D-conv',
      channel_type: 'im',
      user: 'U1',
      text: 'entry level ml systems engineer pay in austin',
      ts: '1700000500.000100',
    });
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D-conv');
    await event({
      type: 'message',
      channel: 'D-conv',
      channel_type: 'im',
      user: 'U1',
      text: 'and in chicago?',
      ts: '1700000500.000200',
    });
    const second = await h.fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === 'D-conv' && visibleText(c.args).includes('Chicago'),
    );
    expect(second.args.blocks[0].text.text).toBe('ML Systems Engineer · Salary');
    expect(visibleText(second.args)).toContain('Chicago, IL: $164,000');
    expect(visibleText(second.args)).toContain('Entry level');
  });

  it('keeps a thread\'s comparison for "which one pays more?", and another thread knows nothing of it', async () => {
    const root = '1700000600.000100';
    await event({
      type: 'app_mention',
      channel: 'C-th',
      user: 'U1',
      text: '<@UBOT> knowledge graph engineer vs ml systems engineer',
      ts: root,
    });
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C-th' && c.args.thread_ts === root);
    await event({
      type: 'app_mention',
      channel: 'C-th',
      user: 'U1',
      text: '<@UBOT> which one pays more?',
      ts: '1700000600.000200',
      thread_ts: root,
    });
    // Pay comparisons are private in a channel: the asker sees them in the thread.
    const pay = await h.fake.waitForCall(
      'chat.postEphemeral',
      (c) => c.args.channel === 'C-th' && c.args.thread_ts === root,
    );
    expect(pay.args.blocks[0].text.text).toBe('Knowledge Graph Engineer vs ML Systems Engineer · Salary');
    expect(visibleText(pay.args)).toContain('No salary figures');
    await event({
      type: 'app_mention',
      channel: 'C-th',
      user: 'U1',
      text: '<@UBOT> which one pays more?',
      ts: '1700000700.000100',
    });
    // Without the thread's context it is a pay question naming no role: asked back, privately.
    const other = await h.fake.waitForCall(
      'chat.postEphemeral',
      (c) => c.args.channel === 'C-th' && c.args.thread_ts === undefined,
    );
    expect(other.args.blocks[0].text.text).toBe('Salary: which role?');
  });

  it('shares the answer that was shown for a follow-up, not a re-reading of its words', async () => {
    await command('senior ml systems engineer salary in austin', 'r-conv-1');
    const followUp = await command('and in chicago?', 'r-conv-2');
    expect(visibleText(followUp)).toContain('Chicago, IL: $164,000');
    await h.post(
      buttonPress(h.fake, {
        button: findButton(followUp.blocks, 'Share in channel'),
        responseId: 'r-conv-share',
        channel: 'C-conv',
      }),
      FORM,
    );
    const { body } = await h.fake.waitForResponse('r-conv-share', (r) => r.body.response_type === 'in_channel');
    expect(body.blocks[0].text.text).toBe('ML Systems Engineer · Salary');
    expect(visibleText(body)).toContain('Chicago, IL: $164,000');
    expect(visibleText(body)).toContain('Senior level');
  });
});
