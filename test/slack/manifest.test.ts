import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND } from '../../src/adapters/slack/on-command.js';
import { EVENTS_PATH } from '../../src/adapters/slack/start-slack.js';

/** The manifest must ask for exactly what the code uses: a tripwire for drift. */
describe('slack/manifest.yaml', () => {
  const manifest = parse(readFileSync('slack/manifest.yaml', 'utf8'));
  const listeners = ['on-command.ts', 'on-messages.ts', 'on-buttons.ts'].map((f) => readFileSync(`src/adapters/slack/${f}`, 'utf8')).join('\n');

  it('declares the slash command the code listens for', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
  });

  it('subscribes to exactly the events the code handles', () => {
    const handled = [...listeners.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => m[1]);
    expect(handled.sort()).toEqual(['app_mention', 'message']);
    // Bolt's `message` listener receives message.im: the only message event subscribed.
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
  });

  it('asks for exactly the scopes those features need', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'files:write', 'im:history', 'users:read']);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('enables interactivity and DMs, all on the receiver path', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    const urls = [manifest.settings.interactivity.request_url, manifest.settings.event_subscriptions.request_url, manifest.features.slash_commands[0].url];
    for (const url of urls) expect(new URL(url).pathname).toBe(EVENTS_PATH);
  });
});
