import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APOLOGY, CANT_POST_HERE } from '../../src/adapters/slack/copy.js';
import type { TipsCommandHandler } from '../../src/core/tips/tips-commands.js';
import {
  buttonPress,
  buttonsOf,
  eventCallback,
  findButton,
  FORM,
  JSON_TYPE,
  signature,
  slashCommand,
  startHttpHarness,
  visibleText,
  type Harness,
} from './harness.js';
import { blockKitProblems } from './limits.js';
import { commandWords } from '../helpers/messages.js';

/** Echoes what the core handed it, so the test sees the lazy lookups' results. */
const echoTips: TipsCommandHandler = {
  handle: async (message) => ({
    intent: 'help',
    title: 'Weekly tips',
    blocks: [
      {
        type: 'paragraph',
        text: `admin=${await message.isAdmin?.()} tz=${await message.timeZone?.()} args=${commandWords(message.command)}`,
      },
    ],
    choices: [],
    private: true,
  }),
};

const SALARY_QUESTION = 'what does a senior ML systems engineer make in Seattle?';

describe('Slack over HTTP (real Bolt receiver, fake Web API)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHttpHarness({ env: { ADMIN_USER_IDS: 'U6' }, bot: { tipsCommands: echoTips } });
  });
  afterAll(async () => {
    await h.stop();
    await h.slack.stop(); // idempotent
  });

  const command = async (text: string, responseId: string, extra: { user?: string; channel?: string } = {}) => {
    const res = await h.post(slashCommand(h.fake, { text, responseId, ...extra }), FORM);
    expect(res).toEqual({ status: 200, text: '' });
    return (await h.fake.waitForResponse(responseId)).body;
  };
  const event = async (e: Record<string, unknown>) =>
    expect((await h.post(eventCallback(e), JSON_TYPE)).status).toBe(200);
  const press = async (o: Parameters<typeof buttonPress>[1]) =>
    expect((await h.post(buttonPress(h.fake, o), FORM)).status).toBe(200);

  it('checks the bot token with auth.test before listening', () => {
    expect(h.fake.callsTo('auth.test')).toHaveLength(1);
    expect(h.fake.callsTo('auth.test')[0]!.authorization).toBe('Bearer xoxb-test-token');
  });

  it('acks /career with an empty 200, then answers privately as Block Kit with section, related and share buttons', async () => {
    const body = await command('ml systems engineer skills', 'r-skills');
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'ML Systems Engineer · Skills', emoji: true },
    });
    const labels = buttonsOf(body.blocks).map((b) => b.text.text);
    expect(labels).toEqual(
      expect.arrayContaining(['Overview', 'Education', 'Salary', 'Knowledge Graph Engineer', 'Share in channel']),
    );
    expect(labels).not.toContain('Skills');
    expect(body.text).toContain('Python above all');
    expect(blockKitProblems(body)).toEqual([]);
  });

  it('quotes the exact salary figures asked for, and by level as fields in the full breakdown', async () => {
    const body = await command(SALARY_QUESTION, 'r-salary');
    expect(body.response_type).toBe('ephemeral');
    const text = visibleText(body);
    expect(text).toContain('Senior level: $153,000 – $267,000 a year.');
    expect(text).toContain('Seattle, WA: $150,000 – $174,000');
    expect(blockKitProblems(body)).toEqual([]);
    const full = await command('ml systems engineer salary', 'r-salary-full');
    const fields = full.blocks.flatMap((b: any) => b.fields ?? []).map((f: any) => f.text);
    expect(fields).toContain('*Senior level*\n$153,000 – $267,000');
    expect(blockKitProblems(full)).toEqual([]);
  });

  it('offers "did you mean" buttons when the match is unsure, and no share button', async () => {
    const body = await command('graph person', 'r-unsure');
    expect(visibleText(body)).toContain('Did you mean?');
    const labels = buttonsOf(body.blocks).map((b) => b.text.text);
    expect(labels).toContain('Knowledge Graph Engineer');
    expect(labels).not.toContain('Share in channel');
  });

  it('/career with nothing lists the roles', async () => {
    const body = await command('', 'r-empty');
    expect(body.blocks[0].text.text).toBe('Roles I cover (5)');
  });

  it('/career help explains how to ask, privately, with no share button', async () => {
    const body = await command('help', 'r-help');
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0].text.text).toBe('How to ask career-bot');
    expect(visibleText(body)).toContain('/career: the list of roles');
    const labels = buttonsOf(body.blocks).map((b) => b.text.text);
    expect(labels).toContain('List roles');
    expect(labels).not.toContain('Share in channel');
    expect(blockKitProblems(body)).toEqual([]);
  });

  it('replaces the ephemeral answer in place when a section button is pressed', async () => {
    const answer = await command('ml systems engineer skills', 'r-nav-1');
    await press({ button: findButton(answer.blocks, 'Education'), responseId: 'r-nav-2' });
    const { body } = await h.fake.waitForResponse('r-nav-2');
    expect(body.replace_original).toBe(true);
    expect(body.blocks[0].text.text).toBe('ML Systems Engineer · Education');
    expect(buttonsOf(body.blocks).map((b) => b.text.text)).toContain('Share in channel');
  });

  it('answers a DM in the DM, figures included', async () => {
    await event({
      type: 'message',
      channel: 'D1',
      channel_type: 'im',
      user: 'U1',
      text: SALARY_QUESTION,
      ts: '1700000100.000100',
    });
    const call = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D1');
    expect(call.args.thread_ts).toBeUndefined();
    expect(visibleText(call.args)).toContain('$153,000 – $267,000');
    expect(buttonsOf(call.args.blocks).map((b) => b.text.text)).not.toContain('Share in channel');
  });

  it('answers a DM once when Slack delivers the event again', async () => {
    const body = eventCallback({
      type: 'message',
      channel: 'D7',
      channel_type: 'im',
      user: 'U1',
      text: 'llm sme trends',
      ts: '1700000100.000700',
    });
    expect((await h.post(body, JSON_TYPE)).status).toBe(200);
    expect((await h.post(body, JSON_TYPE)).status).toBe(200); // Slack's retry: same event_id
    await h.logs.waitFor((l) => l.msg === 'slack: repeated delivery of an event ignored');
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D7');
    // A later DM in the same channel is answered: only the repeat was dropped.
    await event({
      type: 'message',
      channel: 'D7',
      channel_type: 'im',
      user: 'U1',
      text: 'llm sme skills',
      ts: '1700000100.000800',
    });
    await h.fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === 'D7' && c.args.blocks[0].text.text === 'Large Language Model SME · Skills',
    );
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D7')).toHaveLength(2);
  });

  it('updates a DM answer in place with chat.update', async () => {
    await press({
      button: { action_id: 'career_nav_0', value: 's:llm-sme:trends' },
      responseId: 'r-dm-nav',
      channel: 'D1',
      ephemeral: false,
      messageTs: '1700000100.000200',
    });
    const call = await h.fake.waitForCall('chat.update', (c) => c.args.channel === 'D1');
    expect(call.args.ts).toBe('1700000100.000200');
    expect(call.args.blocks[0].text.text).toBe('Large Language Model SME · Trends');
  });

  it('answers a channel mention in a thread of that message', async () => {
    await event({
      type: 'app_mention',
      channel: 'C2',
      user: 'U1',
      text: '<@UBOT> knowledge graph engineer skills',
      ts: '1700000200.000100',
    });
    const call = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C2');
    expect(call.args.thread_ts).toBe('1700000200.000100');
    expect(call.args.blocks[0].text.text).toBe('Knowledge Graph Engineer · Skills');
    expect(blockKitProblems(call.args)).toEqual([]);
  });

  it('answers a pay question asked in a channel only to the asker, and says so', async () => {
    await event({
      type: 'app_mention',
      channel: 'C3',
      user: 'U1',
      text: `<@UBOT> ${SALARY_QUESTION}`,
      ts: '1700000300.000100',
      thread_ts: '1700000299.000100',
    });
    const call = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === 'C3');
    expect(call.args).toMatchObject({ user: 'U1', thread_ts: '1700000299.000100' });
    expect(visibleText(call.args)).toContain('Only you can see this: pay figures are never posted to the channel');
    expect(visibleText(call.args)).toContain('$153,000');
    expect(buttonsOf(call.args.blocks).map((b) => b.text.text)).toContain('Share in channel');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C3')).toEqual([]);
  });

  it('answers a pay question from a top-level mention privately in the channel, not in a thread that does not exist yet', async () => {
    // Slack shows an ephemeral message in a thread only if the thread is already active.
    await event({
      type: 'app_mention',
      channel: 'C4',
      user: 'U1',
      text: `<@UBOT> ${SALARY_QUESTION}`,
      ts: '1700000310.000100',
    });
    const call = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === 'C4');
    expect(call.args.user).toBe('U1');
    expect(call.args).not.toHaveProperty('thread_ts');
    expect(visibleText(call.args)).toContain('$153,000');
    expect(buttonsOf(call.args.blocks).map((b) => b.text.text)).toContain('Share in channel');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C4')).toEqual([]);
  });

  it('answers a button pressed on a public message to the presser alone, never rewriting it', async () => {
    await press({
      button: { action_id: 'career_nav_3', value: 's:ml-systems-engineer:salary' },
      responseId: 'r-pub',
      channel: 'C2',
      user: 'U7',
      ephemeral: false,
      threadTs: '1700000200.000100',
    });
    const call = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === 'C2' && c.args.user === 'U7');
    expect(call.args.thread_ts).toBe('1700000200.000100');
    expect(visibleText(call.args)).toContain('Only you can see this');
    expect(h.fake.callsTo('chat.update').filter((c) => c.args.channel === 'C2')).toEqual([]);
  });

  it('never lets echoed text ping anyone', async () => {
    const body = await command('<!channel> hello <@U999> & <!here>', 'r-ping');
    const text = visibleText(body);
    expect(text).not.toMatch(/<!channel>|<!here>|<@U999>/);
    expect(blockKitProblems(body)).toEqual([]);
  });

  it('ignores bots (itself included), edits, deletions and channel chatter', async () => {
    const ignored = [
      {
        type: 'message',
        channel: 'D-bot',
        channel_type: 'im',
        user: 'U2',
        bot_id: 'BOTHER',
        text: 'llm sme',
        ts: '1.1',
      },
      {
        type: 'message',
        channel: 'D-bot',
        channel_type: 'im',
        subtype: 'message_changed',
        message: { text: 'llm sme' },
        ts: '1.2',
      },
      { type: 'message', channel: 'D-bot', channel_type: 'im', subtype: 'message_deleted', ts: '1.3' },
      { type: 'message', channel: 'C-chat', channel_type: 'channel', user: 'U2', text: 'llm sme', ts: '1.4' },
      { type: 'app_mention', channel: 'C-chat', user: 'U2', bot_id: 'BOTHER', text: '<@UBOT> llm sme', ts: '1.5' },
    ];
    for (const e of ignored) await event(e);
    for (const ts of ['1.1', '1.2', '1.3', '1.4', '1.5'])
      await h.logs.waitFor((l) => /ignored$/.test(l.msg) && l.ts === ts);
    // Its own messages are dropped by Bolt's ignoreSelf before any listener.
    await event({
      type: 'message',
      channel: 'D-bot',
      channel_type: 'im',
      user: 'UBOT',
      bot_id: 'BBOT',
      text: 'llm sme',
      ts: '1.6',
    });
    await event({ type: 'message', channel: 'D-control', channel_type: 'im', user: 'U2', text: 'llm sme', ts: '1.7' });
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D-control');
    expect(h.fake.calls.filter((c) => ['D-bot', 'C-chat'].includes(c.args.channel))).toEqual([]);
  });

  it('rejects bad and stale signatures with 401', async () => {
    const body = slashCommand(h.fake, { text: 'llm sme', responseId: 'r-forged' });
    expect((await h.post(body, FORM, { signature: 'v0=0123456789abcdef' })).status).toBe(401);
    expect(
      (await h.post(body, FORM, { signature: signature(body, Math.floor(Date.now() / 1000), 'wrongsecret999') }))
        .status,
    ).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await h.post(body, FORM, { timestamp: stale, signature: signature(body, stale) })).status).toBe(401);
    expect(h.fake.responses.filter((r) => r.id === 'r-forged')).toEqual([]);
  });

  it('retries a rate-limited (429) Web API call, then succeeds', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '0' } });
    await event({
      type: 'message',
      channel: 'D-429',
      channel_type: 'im',
      user: 'U1',
      text: 'llm sme skills',
      ts: '1700000400.000100',
    });
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D-429');
    expect(
      h.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'D-429')
        .map((c) => c.status),
    ).toEqual([429, 200]);
  });

  it('logs channel_not_found with context, apologises where it can, and keeps serving', async () => {
    h.fake.failNext('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    await event({
      type: 'app_mention',
      channel: 'C-gone',
      user: 'U1',
      text: '<@UBOT> llm sme',
      ts: '1700000500.000100',
    });
    const line = await h.logs.waitFor((l) => l.msg === 'slack: answering failed' && l.code === 'channel_not_found');
    expect(line).toMatchObject({ component: 'slack', kind: 'mention', channel: 'C-gone', user: 'U1' });
    expect(line.err.message).toContain('channel_not_found');
    expect(h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C-gone')?.args.thread_ts).toBe(
      '1700000500.000100',
    );
    const apology = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === 'C-gone');
    expect(apology.args.text).toBe(CANT_POST_HERE);
    expect(apology.args).not.toHaveProperty('thread_ts');
    expect((await command('llm sme', 'r-after-failure')).blocks[0].text.text).toBe(
      'Large Language Model SME · Overview',
    );
  });

  it('apologises briefly when the Web API is down for a DM', async () => {
    h.fake.failNext('chat.postMessage', { body: { ok: false, error: 'internal_error' } });
    await event({
      type: 'message',
      channel: 'D-err',
      channel_type: 'im',
      user: 'U1',
      text: 'llm sme',
      ts: '1700000600.000100',
    });
    const apology = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D-err');
    expect(apology.args.text).toBe(APOLOGY);
  });

  it('sends /career tips to the core with lazy isAdmin (users.info) and timeZone', async () => {
    h.fake.users.set('U5', { is_admin: true, tz: 'America/Los_Angeles' });
    const body = await command('tips status', 'r-tips', { user: 'U5' });
    expect(visibleText(body)).toContain('admin=true tz=America/Los_Angeles args=status');
    expect(buttonsOf(body.blocks)).toEqual([]);
    expect(h.fake.callsTo('users.info').filter((c) => c.args.user === 'U5')).toHaveLength(1);
  });

  it('takes ADMIN_USER_IDS as admins without asking Slack, and non-admins as such', async () => {
    h.fake.users.set('U8', { is_admin: false, is_owner: false, tz: 'Europe/Berlin' });
    const admin = await command('tips subscribe', 'r-tips-admin', { user: 'U6' });
    expect(visibleText(admin)).toContain('admin=true tz=undefined args=subscribe');
    const member = await command('tips subscribe', 'r-tips-member', { user: 'U8' });
    expect(visibleText(member)).toContain('admin=false tz=Europe/Berlin args=subscribe');
  });
});
