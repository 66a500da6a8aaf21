import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND } from '../../src/adapters/slack/on-command.js';
import { EVENTS_PATH } from '../../src/adapters/slack/start-slack.js';
import { BOT_SCOPES, REDIRECT_PATH } from '../../src/adapters/slack/oauth/oauth-routes.js';

/** The manifest must ask for exactly what the code uses: a tripwire for drift. */
describe('slack/manifest.yaml', () => {
  const manifest = parse(readFileSync('slack/manifest.yaml', 'utf8'));
  const listeners = ['on-command.ts', 'on-messages.ts', 'on-buttons.ts', 'oauth/on-uninstall.ts', 'on-app-home.ts']
    .map((f) => readFileSync(`src/adapters/slack/${f}`, 'utf8'))
    .join('\n');

  it('declares the slash command the code listens for', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
  });

  it('subscribes to exactly the events the code handles', () => {
    const handled = [...listeners.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => m[1]);
    expect(handled.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'message',
      'team_access_revoked',
      'tokens_revoked',
    ]);
    // Bolt's `message` listener receives message.im: the only message event subscribed.
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'message.im',
      'team_access_revoked',
      'tokens_revoked',
    ]);
  });

  it('asks for exactly the scopes those features need', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'files:write',
      'im:history',
      'users:read',
    ]);
    // OAuth installs ask Slack for the same scopes the manifest declares.
    expect([...BOT_SCOPES].sort()).toEqual(manifest.oauth_config.scopes.bot);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('enables interactivity and DMs, all on the receiver path', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    const urls = [
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
      manifest.features.slash_commands[0].url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(EVENTS_PATH);
  });

  it('sends OAuth installs back to the redirect route the bot serves', () => {
    expect(manifest.oauth_config.redirect_urls.map((u: string) => new URL(u).pathname)).toEqual([REDIRECT_PATH]);
    // Org-wide (Enterprise Grid) installs need this.
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });
});

describe('slack/manifest.socket.yaml', () => {
  const http = parse(readFileSync('slack/manifest.yaml', 'utf8'));
  const socket = parse(readFileSync('slack/manifest.socket.yaml', 'utf8'));

  it('is the HTTP manifest over Socket Mode: no URLs, same command, scopes and chat events', () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toMatch(/https?:\/\//);
    expect(socket.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    expect(socket.oauth_config.scopes).toEqual(http.oauth_config.scopes);
    // The uninstall events serve OAuth mode only, which needs the HTTP receiver.
    expect(socket.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
    ]);
    expect(socket.settings.interactivity.is_enabled).toBe(true);
  });
});
