import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/adapters/slack/render-blocks.js';
import type { Bot } from '../../src/core/bot.js';
import type { IncomingMessage } from '../../src/core/message.js';
import {
  buttonPress,
  eventCallback,
  FORM,
  JSON_TYPE,
  slashCommand,
  startHttpHarness,
  TEAM,
  type Harness,
} from './harness.js';

/**
 * Every message the Slack adapter hands the core says which conversation it
 * belongs to: the workspace, the channel, the thread the answer lives in, and
 * the person.
 */
const seen: IncomingMessage[] = [];
let h: Harness;

beforeAll(async () => {
  h = await startHttpHarness({
    wrap: (bot): Bot => ({
      content: bot.content,
      reader: bot.reader,
      answer: (text, surface) => bot.answer(text, surface),
      converse: (text, slots, surface) => bot.converse(text, slots, surface),
      suggestRoles: (partial, limit) => bot.suggestRoles(partial, limit),
      handle: (message) => {
        seen.push(message);
        return bot.handle(message);
      },
    }),
  });
});
afterAll(() => h?.stop());

async function next(send: () => Promise<unknown>): Promise<IncomingMessage> {
  const before = seen.length;
  await send();
  await expect.poll(() => seen.length).toBeGreaterThan(before);
  return seen[before]!;
}

describe('Slack conversation keys', () => {
  it('a slash command: the team, the channel, no thread, the user', async () => {
    const m = await next(() =>
      h.post(slashCommand(h.fake, { text: 'llm sme', responseId: 'ck-1', channel: 'C7', user: 'U7' }), FORM),
    );
    expect(m).toMatchObject({
      kind: 'question',
      via: 'command',
      conversation: { platform: 'slack', workspace: TEAM, channel: 'C7', thread: null, user: 'U7' },
    });
  });

  it('a tips command carries the same key', async () => {
    const m = await next(() =>
      h.post(slashCommand(h.fake, { text: 'tips status', responseId: 'ck-2', channel: 'C7', user: 'U7' }), FORM),
    );
    expect(m).toMatchObject({
      kind: 'tips',
      command: { sub: 'status' },
      conversation: { workspace: TEAM, channel: 'C7', thread: null, user: 'U7' },
    });
  });

  it('a mention is keyed by the thread its answer goes to: its own ts at the top level, the thread inside one', async () => {
    const top = await next(() =>
      h.post(
        eventCallback({
          type: 'app_mention',
          channel: 'C8',
          user: 'U8',
          text: '<@UBOT> llm sme',
          ts: '1700000100.000100',
        }),
        JSON_TYPE,
      ),
    );
    expect(top.conversation).toEqual({
      platform: 'slack',
      workspace: TEAM,
      channel: 'C8',
      thread: '1700000100.000100',
      user: 'U8',
    });
    const inThread = await next(() =>
      h.post(
        eventCallback({
          type: 'app_mention',
          channel: 'C8',
          user: 'U8',
          text: '<@UBOT> and skills?',
          ts: '1700000101.000100',
          thread_ts: '1700000100.000100',
        }),
        JSON_TYPE,
      ),
    );
    expect(inThread.conversation).toEqual(top.conversation);
  });

  it('a DM: the DM channel, its thread if any', async () => {
    const dm = await next(() =>
      h.post(
        eventCallback({
          type: 'message',
          channel: 'D9',
          channel_type: 'im',
          user: 'U9',
          text: 'llm sme',
          ts: '1700000200.000100',
        }),
        JSON_TYPE,
      ),
    );
    expect(dm.conversation).toEqual({ platform: 'slack', workspace: TEAM, channel: 'D9', thread: null, user: 'U9' });
  });

  it('a button press: the presser in the channel and thread of the message', async () => {
    const m = await next(() =>
      h.post(
        buttonPress(h.fake, {
          button: { action_id: `${ACTION_IDS.navPrefix}0`, value: 'l' },
          responseId: 'ck-3',
          channel: 'C10',
          user: 'U10',
          threadTs: '1700000300.000100',
        }),
        FORM,
      ),
    );
    expect(m).toMatchObject({
      kind: 'button',
      action: { type: 'list' },
      conversation: { platform: 'slack', workspace: TEAM, channel: 'C10', thread: '1700000300.000100', user: 'U10' },
    });
  });
});
