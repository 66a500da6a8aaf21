import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/core/bot.js';
import { renderText } from '../../src/core/render-text.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { createTipsCommands } from '../../src/tips/tips-commands.js';
import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import { openStore } from '../../src/store/open-store.js';
import type { TipsCommand } from '../../src/core/tips/tips-request.js';
import { testLogger } from '../helpers/log-sink.js';
import { command, envelope, question } from '../helpers/messages.js';
import { contentWithTips } from './helpers/fixture.js';

/**
 * Every command hint is written in the asking platform's own syntax: Slack
 * and the console type `/career ...`, Discord has `/career role:...` and a
 * separate `/tips`.
 */
const content = contentWithTips();
const clock = () => new Date('2025-03-05T12:00:00Z');
let store: TipStore;
let bot: Bot;

beforeEach(async () => {
  store = await openStore({ dataDir: ':memory:', logger: testLogger() });
  bot = createBot({
    content,
    clock,
    surface: consoleSurface,
    tipsCommands: createTipsCommands({ store, content, clock, logger: testLogger() }),
  });
});
afterEach(() => store.close());

const admin = { isAdmin: async () => true };
const say = async (platform: 'slack' | 'discord', text: string) =>
  renderText(await bot.handle(command({ ...envelope(platform), ...admin }, text)));
const tips = async (platform: 'slack' | 'discord', c: TipsCommand) =>
  renderText(await bot.handle({ ...envelope(platform), ...admin, kind: 'tips', command: c }));
const ask = async (platform: 'slack' | 'discord' | 'console', text: string) =>
  renderText(await bot.handle(question(envelope(platform), 'dm', text)));

describe('command hints per platform', () => {
  it('help, the role list and unknowns name /career as each platform writes it', async () => {
    expect(await ask('slack', 'help')).toContain('/career knowledge graph engineer skills: one topic');
    expect(await ask('console', 'help')).toContain('/career knowledge graph engineer skills: one topic');
    expect(await ask('discord', 'help')).toContain('/career role:knowledge graph engineer topic:skills: one topic');
    expect(await ask('slack', 'list roles')).toContain('e.g. "/career knowledge graph engineer skills"');
    expect(await ask('discord', 'list roles')).toContain('e.g. "/career role:knowledge graph engineer topic:skills"');
    expect(await ask('discord', 'underwater basket weaver')).toContain('type /career for the list');
  });

  it('a skill tip points to its section in the platform syntax', async () => {
    const slack = await ask('slack', 'send me a tip');
    const discord = await ask('discord', 'send me a tip');
    expect(slack).toMatch(/Read more: \/career [a-z ]+$/m);
    expect(discord).toMatch(/Read more: \/career role:[a-z ]+ topic:[a-z ]+$/m);
  });

  it('tips help, refusals and follow-ups use /career tips on Slack and /tips on Discord', async () => {
    expect(await say('slack', 'tips')).toContain('/career tips subscribe [day] [time] [timezone]');
    expect(await tips('discord', { sub: 'help' })).toContain('/tips subscribe [day] [time] [timezone]');
    expect(await tips('discord', { sub: 'help' })).toContain(
      'Example: /tips subscribe day:monday time:09:00 timezone:Europe/Berlin',
    );
    await say('slack', 'tips subscribe');
    await tips('discord', { sub: 'subscribe', schedule: {} });
    expect(await say('slack', 'tips pause')).toContain('/career tips resume starts them again');
    expect(await tips('discord', { sub: 'pause' })).toContain('/tips resume starts them again');
    const refusal = renderText(await bot.handle({ ...envelope('discord'), kind: 'tips', command: { sub: 'pause' } }));
    expect(refusal).toContain('members with the Manage Channels permission');
    expect(refusal).toContain('/tips status');
    for (const c of [
      { sub: 'help' },
      { sub: 'status' },
      { sub: 'resume' },
      { sub: 'unsubscribe' },
      { sub: 'unsubscribe' },
    ] as const) {
      expect(await tips('discord', c)).not.toContain('/career tips');
    }
  });

  it('the console says tips belong in a channel', async () => {
    expect(renderText(await bot.handle(command(envelope('console'), 'tips subscribe')))).toMatch(
      /Slack or Discord channel/,
    );
  });
});
