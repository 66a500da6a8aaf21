import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform, PlatformDeps, RunningPlatform } from '../../src/adapters/platform.js';
import { parseConfig, type Config } from '../../src/config.js';
import { createBot } from '../../src/core/bot.js';
import type { Envelope, IncomingMessage } from '../../src/core/message.js';
import type { Reply } from '../../src/core/reply.js';
import { renderText } from '../../src/core/render-text.js';
import type { Surface } from '../../src/core/surface.js';
import type { TipPoster } from '../../src/core/tips/tip-poster.js';
import { readTipsText } from '../../src/core/tips/tips-request.js';
import { openStore } from '../../src/store/open-store.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { channelTipOfTheWeek } from '../../src/tips/channel-tip.js';
import { runDue } from '../../src/tips/run-due.js';
import { createTipsCommands } from '../../src/tips/tips-commands.js';
import { testLogger } from '../helpers/log-sink.js';
import { shippedContent } from '../helpers/content.js';

/**
 * A made-up chat platform ("bang chat": `!career ...`, `!tips ...`) written
 * against nothing but the seam: the Platform interface, the core's message
 * and Reply, and the tips poster interface. If this can answer a question,
 * press a button and receive a weekly tip, a real new platform can too.
 */
interface ChatEvent {
  channel: string;
  user: string;
  text?: string;
  /** The index of a pressed choice on the last message in the channel. */
  pressed?: number;
}

const bangSurface: Surface = {
  ask: (role, topic) => ['!career', role, topic].filter(Boolean).join(' '),
  tips: (sub, schedule) =>
    [
      '!tips',
      sub,
      ...(schedule === 'usage'
        ? ['<day> <time> <zone>']
        : schedule
          ? [schedule.day, schedule.time, schedule.timeZone]
          : []),
    ]
      .filter(Boolean)
      .join(' '),
  workspace: 'chat server',
  tipsAdmins: 'channel operators',
};

/** What the platform shows people: its "API". */
const shown: { channel: string; text: string; reply: Reply }[] = [];

function bangPlatform(): Platform & { send(event: ChatEvent): Promise<void> } {
  let deps: PlatformDeps | undefined;
  let running = false;
  const toMessage = (e: ChatEvent): IncomingMessage | null => {
    const envelope: Envelope = {
      platform: 'bang',
      surface: bangSurface,
      conversation: { platform: 'bang', workspace: null, channel: e.channel, thread: null, user: e.user },
      user: { id: e.user },
      channel: { id: e.channel, kind: 'channel' },
      isAdmin: async () => e.user.startsWith('@'),
    };
    if (e.pressed !== undefined) {
      const last = shown.filter((s) => s.channel === e.channel).at(-1);
      const choice = last?.reply.choices[e.pressed];
      return choice ? { ...envelope, kind: 'button', action: choice.action } : null;
    }
    const text = e.text ?? '';
    const tips = /^!tips\b/.test(text) ? readTipsText(text.slice(1), bangSurface) : null;
    if (tips) return { ...envelope, kind: 'tips', command: tips };
    const asked = /^!career\b\s*(.*)$/.exec(text);
    return asked
      ? { ...envelope, kind: 'question', via: 'command', text: asked[1] ?? '' }
      : { ...envelope, kind: 'question', via: 'mention', text };
  };
  const render = (reply: Reply) => renderText(reply);
  return {
    name: 'bang',
    surface: bangSurface,
    channelIdProblem: (id) => (/^#\w+$/.test(id) ? null : 'a bang channel is # and a word'),
    chatEnabled: () => true,
    servesRoutes: () => false,
    async start(d): Promise<RunningPlatform> {
      deps = d;
      running = true;
      return { ready: () => running, stop: async () => void (running = false) };
    },
    poster: async (): Promise<TipPoster> => ({
      platform: 'bang',
      surface: bangSurface,
      // A local chat with no rate limits.
      pace: { perSecond: 0, perChannelMs: 0, concurrency: 1 },
      post: async (channel, reply) => {
        shown.push({ channel, text: render(reply), reply });
        return { ok: true, messageId: String(shown.length) };
      },
      stop: async () => undefined,
    }),
    async send(event) {
      const message = toMessage(event);
      if (!deps || !message) return;
      const reply = await deps.bot.handle(message);
      shown.push({ channel: event.channel, text: render(reply), reply });
    },
  };
}

const clock = () => new Date('2025-03-10T09:00:00Z');
let store: TipStore;
const platform = bangPlatform();
let running: RunningPlatform;
let config: Config;

beforeAll(async () => {
  store = await openStore({ dataDir: ':memory:', logger: testLogger() });
  const content = shippedContent();
  const bot = createBot({
    content,
    clock,
    surface: bangSurface,
    tipsCommands: createTipsCommands({ store, content, clock, logger: testLogger() }),
    channelTip: (channel) => channelTipOfTheWeek(store, content, channel, clock()),
  });
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  config = parsed.config;
  running = await platform.start({ bot, config, logger: testLogger(), onFatal: () => undefined });
});
afterAll(async () => {
  await running.stop();
  await store.close();
});

const last = () => shown.at(-1)!;

describe('a new platform through the seam alone', () => {
  it('answers a question, in its own command syntax', async () => {
    expect(running.ready()).toBe(true);
    await platform.send({ channel: '#lab', user: 'ada', text: '!career llm sme skills' });
    expect(last().reply.title).toBe('Large Language Model SME · Skills');
    await platform.send({ channel: '#lab', user: 'ada', text: 'help' });
    expect(last().text).toContain('!career knowledge graph engineer skills: one topic');
  });

  it('presses a button', async () => {
    await platform.send({ channel: '#lab', user: 'ada', text: '!career knowledge graph engineer' });
    const choice = last().reply.choices.findIndex((c) => c.action.type === 'section' && c.action.section === 'skills');
    expect(choice).toBeGreaterThanOrEqual(0);
    await platform.send({ channel: '#lab', user: 'ada', pressed: choice });
    expect(last().reply.title).toBe('Knowledge Graph Engineer · Skills');
  });

  it('subscribes a channel and receives the weekly tip, the one "send me a tip" shows', async () => {
    await platform.send({ channel: '#lab', user: 'ada', text: '!tips subscribe mon 09:00 UTC' });
    expect(last().text).toContain('Sorry, only channel operators can change');
    await platform.send({ channel: '#lab', user: '@op', text: '!tips subscribe mon 09:00 UTC' });
    expect(last().text).toContain('every Monday at 09:00 (UTC)');
    await platform.send({ channel: '#lab', user: 'ada', text: 'send me a tip' });
    const asked = last().reply.title;

    const poster = (await platform.poster(config, testLogger()))!;
    const report = await runDue({ store, content: shippedContent(), posters: [poster], clock, logger: testLogger() });
    expect(report.counts.posted).toBe(1);
    expect(last().channel).toBe('#lab');
    expect(last().reply.title).toBe(asked);
    expect(last().text).toMatch(/Read more: !career [a-z ]+/);
  });
});
