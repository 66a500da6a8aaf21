import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/start-discord.js';
import { roleColour } from '../../src/adapters/discord/render-embed.js';
import { createBot } from '../../src/core/bot.js';
import { loadContent } from '../../src/core/content/load-content.js';
import type { TipsMessage } from '../../src/core/message.js';
import { commandWords } from '../helpers/messages.js';
import type { Reply } from '../../src/core/reply.js';
import { discordConfig } from './adapter-harness.js';
import { BOT_USER, startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord.mjs';
import { embedText, limitProblems } from './limits.js';
import { memoryLogger } from './memory-logger.js';
import {
  ADMIN_PERMISSIONS,
  buttonPress,
  CHANNEL_ID,
  careerCommand,
  directMessage,
  DM_CHANNEL_ID,
  GUILD_ID,
  roleAutocomplete,
  tipsCommand,
  USER,
} from './payloads.js';

const loaded = loadContent('content');
if (!loaded.ok) throw new Error('content does not load');
const content = loaded.content;

/** Tips commands the bot received, and a gate to make one slow on purpose. */
const tipsCalls: { message: TipsMessage; args: string; admin: boolean; zone: string | undefined }[] = [];
let tipsFail = false;
const tipsReply: Reply = {
  intent: 'help',
  title: 'Weekly tips',
  blocks: [{ type: 'paragraph', text: 'Subscribed.' }],
  choices: [],
  private: true,
};

let fake: FakeDiscord;
let discord: { stop(): Promise<void> };
const logger = memoryLogger();

beforeAll(async () => {
  fake = await startFakeDiscord();
  const bot = createBot({
    surface: discordSurface,
    content,
    tipsCommands: {
      async handle(message) {
        tipsCalls.push({
          message,
          args: commandWords(message.command),
          admin: (await message.isAdmin?.()) ?? false,
          zone: await message.timeZone?.(),
        });
        if (tipsFail) throw new Error('store unavailable');
        return tipsReply;
      },
    },
  });
  const config = discordConfig(fake.apiUrl);
  // Far above what an answer takes even on a slow CI machine, so these tests
  // always see the immediate (type 4/7) response; the deferred path has its own test.
  discord = await startDiscord({ bot, config, logger, deferAfterMs: 2000 });
});

afterAll(async () => {
  await discord?.stop();
  await discord?.stop(); // idempotent
  await fake?.close();
});

/** Dispatches an interaction and returns the callback Discord's REST received for it. */
async function interact(payload: { id: string; token: string }): Promise<RecordedRequest> {
  const callback = fake.waitForRequest((r) => r.path === `/interactions/${payload.id}/${payload.token}/callback`);
  fake.dispatch('INTERACTION_CREATE', payload);
  return callback;
}

function dmReply(): Promise<RecordedRequest> {
  return fake.nextRequest(
    (r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL_ID}/messages` && r.status === 200,
  );
}

describe('Discord adapter on a real discord.js Client', () => {
  it('logs in through the fake gateway: IDENTIFY with only the Guilds and DirectMessages intents', () => {
    const identify = fake.gatewayOps.find((p) => p.op === 2);
    expect(identify?.d.intents).toBe((1 << 0) | (1 << 12));
    expect(
      fake.requests.some(
        (r) => r.path === '/gateway/bot' && r.headers.authorization === 'Bot fake-token-0123456789abcdef',
      ),
    ).toBe(true);
  });

  it('autocompletes role names from the fuzzy matcher, typos included, at most 25', async () => {
    const typo = await interact(roleAutocomplete('knowlege graf'));
    expect(typo.body.type).toBe(8);
    expect(typo.body.data.choices[0]).toEqual({ name: 'Knowledge Graph Engineer', value: 'knowledge-graph-engineer' });
    const all = await interact(roleAutocomplete(''));
    expect(all.body.data.choices.length).toBe(content.roles.length);
    for (const c of all.body.data.choices) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(typo.status).toBe(204);
  });

  it('answers /career privately in a server, with the salary figures, a role colour and a Share button', async () => {
    const cb = await interact(careerCommand('ml-systems-engineer', 'salary'));
    expect(cb.body.type).toBe(4);
    const data = cb.body.data;
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(limitProblems(data)).toEqual([]);
    const text = embedText(data);
    expect(data.embeds[0].title).toBe('ML Systems Engineer · Salary');
    expect(text).toContain('$153,000');
    expect(text).toContain('$75,000 – $132,000');
    expect(data.embeds[0].footer.text).toMatch(/2024/);
    expect(data.embeds[0].color).toBe(roleColour('ml-systems-engineer'));
    const ids = data.components.flatMap((row: { components: { custom_id: string }[] }) =>
      row.components.map((b) => b.custom_id),
    );
    expect(ids).toContain('sh');
    expect(ids).toContain('s:ml-systems-engineer:skills');
  });

  it('reads a typed role and a topic id the same way', async () => {
    const cb = await interact(careerCommand('knowlege graph enginer', 'soft-skills'));
    expect(cb.body.data.embeds[0].title).toBe('Knowledge Graph Engineer · Soft Skills');
  });

  it('updates the message in place when a section button is pressed (type 7)', async () => {
    const cb = await interact(buttonPress('s:ml-systems-engineer:skills', { messageFlags: 64 }));
    expect(cb.body.type).toBe(7);
    expect(cb.body.data.embeds[0].title).toBe('ML Systems Engineer · Skills');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(cb.body.data.flags).toBeUndefined();
    expect(limitProblems(cb.body.data)).toEqual([]);
  });

  it('answers an expired or unknown button privately, without pings', async () => {
    const cb = await interact(buttonPress('v0:something-old', { messageFlags: 64 }));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.content).toContain('expired');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a button on a shared (public) message privately instead of changing it for everyone', async () => {
    const cb = await interact(buttonPress('s:llm-sme:trends', { messageFlags: 0 }));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
  });

  it('handles /career used in a DM with the bot (channel type 1): a normal message, no Share', async () => {
    const cb = await interact(careerCommand('llm-sme', 'skills', { dm: true }));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(JSON.stringify(cb.body.data.components)).not.toMatch(/"sh(:[^"]*)?"/);
    const press = await interact(buttonPress('s:llm-sme:overview', { dm: true }));
    expect(press.body.type).toBe(7);
  });

  it('answers a DM with an embed and allowed_mentions that parse nothing', async () => {
    const reply = dmReply();
    fake.dispatch('MESSAGE_CREATE', directMessage('how much does a senior ML systems engineer make in Seattle?'));
    const r = await reply;
    expect(r.body.allowed_mentions).toEqual({ parse: [] });
    expect(embedText(r.body)).toContain('Senior level: $153,000 – $267,000');
    expect(limitProblems(r.body)).toEqual([]);
  });

  it('never answers bots, and never lets echoed text ping', async () => {
    const reply = dmReply();
    fake.dispatch('MESSAGE_CREATE', directMessage('list roles', { ...BOT_USER, id: '1500000000000000001' }));
    fake.dispatch('MESSAGE_CREATE', directMessage('@everyone what about underwater basket weaving'));
    const r = await reply;
    expect(r.body.embeds[0].title).toBe('No profile for that');
    expect(r.body.allowed_mentions).toEqual({ parse: [] });
    expect(embedText(r.body)).not.toContain('@everyone');
  });

  it('waits out a 429 with Discord\u2019s rate-limit headers and retries', async () => {
    fake.failNext(
      'POST',
      /^\/channels\/\d+\/messages$/,
      429,
      { message: 'You are being rate limited.', retry_after: 0.3, global: false },
      {
        'retry-after': '1',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + 0.3),
        'x-ratelimit-reset-after': '0.3',
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
    );
    const limited = fake.nextRequest((r) => r.status === 429);
    const reply = dmReply();
    fake.dispatch('MESSAGE_CREATE', directMessage('llm sme skills'));
    const [first, retried] = await Promise.all([limited, reply]);
    expect(retried.path).toBe(first.path);
    expect(retried.at).toBeGreaterThan(first.at);
    expect(retried.body.embeds[0].title).toBe('Large Language Model SME · Skills');
    expect(logger.entries.some((e) => e.msg?.includes('rate limit'))).toBe(true);
  });

  it('logs a failed send with its context and keeps answering', async () => {
    fake.failNext('POST', /^\/channels\/\d+\/messages$/, 403, { message: 'Missing Access', code: 50001 });
    const failed = fake.nextRequest((r) => r.status === 403);
    fake.dispatch('MESSAGE_CREATE', directMessage('ml systems engineer trends'));
    await failed;
    await expect.poll(() => logger.entries.find((e) => e.msg === 'discord DM answer failed')).toBeTruthy();
    const entry = logger.entries.find((e) => e.msg === 'discord DM answer failed')!;
    expect(entry.obj).toMatchObject({ channel: DM_CHANNEL_ID, user: USER.id, component: 'discord' });
    const reply = dmReply();
    fake.dispatch('MESSAGE_CREATE', directMessage('ml systems engineer trends'));
    expect((await reply).body.embeds[0].title).toBe('ML Systems Engineer · Trends');
  });

  it('runs /tips as "tips <sub> <args>", checking Manage Channels from the interaction itself', async () => {
    const admin = await interact(
      tipsCommand(
        'subscribe',
        { day: 'fri', time: '10:00', timezone: 'Europe/Berlin' },
        { permissions: ADMIN_PERMISSIONS },
      ),
    );
    expect(admin.body.data.flags).toBe(64);
    await interact(tipsCommand('status'));
    expect(tipsCalls.map((c) => [c.args, c.admin, c.zone, c.message.kind, c.message.channel.kind])).toEqual([
      ['subscribe fri 10:00 Europe/Berlin', true, undefined, 'tips', 'channel'],
      ['status', false, undefined, 'tips', 'channel'],
    ]);
    // Discord's options arrive as fields, never as words to be guessed at.
    expect(tipsCalls[0]!.message.command).toEqual({
      sub: 'subscribe',
      schedule: { day: 'fri', time: '10:00', timeZone: 'Europe/Berlin' },
    });
    expect(tipsCalls[0]!.message.conversation).toEqual({
      platform: 'discord',
      workspace: GUILD_ID,
      channel: CHANNEL_ID,
      thread: null,
      user: USER.id,
    });
  });

  it('never runs a tips command from /career: role "tips subscribe" gets a pointer to /tips', async () => {
    const before = tipsCalls.length;
    for (const role of ['tips subscribe', 'Tips unsubscribe', '  tips']) {
      const cb = await interact(careerCommand(role, undefined, { permissions: ADMIN_PERMISSIONS }));
      expect(cb.body.type).toBe(4);
      expect(cb.body.data.flags).toBe(64);
      expect(cb.body.data.content).toContain('/tips');
      expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    }
    const dm = await interact(careerCommand('tips status', undefined, { dm: true }));
    expect(dm.body.data.content).toContain('/tips');
    expect(tipsCalls.length).toBe(before);
  });

  it('tells the user when answering fails, privately and without pings', async () => {
    tipsFail = true;
    const payload = tipsCommand('status', {}, { permissions: ADMIN_PERMISSIONS });
    const cb = await interact(payload).finally(() => (tipsFail = false));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.content).toContain('something went wrong');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(
      logger.entries.find((e) => e.msg === 'discord interaction failed' && e.obj.interaction === payload.id),
    ).toBeTruthy();
  });

  it('logs an interaction whose callback fails and stays up', async () => {
    fake.failNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 404, {
      message: 'Unknown interaction',
      code: 10062,
    });
    const payload = careerCommand('llm-sme');
    fake.dispatch('INTERACTION_CREATE', payload);
    await expect
      .poll(() =>
        logger.entries.find((e) => e.msg === 'discord interaction failed' && e.obj.interaction === payload.id),
      )
      .toBeTruthy();
    const ok = await interact(careerCommand('llm-sme'));
    expect(ok.body.data.embeds[0].title).toBe('Large Language Model SME · Overview');
  });

  it('resumes when the gateway drops, and keeps handling interactions', async () => {
    const resume = fake.nextGatewayOp(6);
    fake.dropGateway(4000);
    expect((await resume).d.session_id).toMatch(/^session-/);
    const cb = await interact(careerCommand('language-ai-engineer', 'demand'));
    expect(cb.body.data.embeds[0].title).toBe('Language AI Engineer · Demand');
  });
});
