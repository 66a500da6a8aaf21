import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCommand } from '../../src/cli/discord-command.js';
import { SECTION_IDS } from '../../src/core/sections.js';
import { captureStream } from '../helpers/log-sink.js';
import { testConfig as config } from '../helpers/test-config.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from './fake-discord.mjs';
import { GUILD_ID } from './payloads.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  captureStream(stdout, 'cli stdout');
  captureStream(stderr, 'cli stderr');
  return { stdout, stderr, out: () => out, err: () => err };
}

const env = () => ({
  DISCORD_TOKEN: 'fake-token-0123456789abcdef',
  DISCORD_APPLICATION_ID: APP_ID,
  DISCORD_API_URL: fake.apiUrl,
});

describe('career-bot discord register', () => {
  it('PUTs /career and /tips to one server with --guild', async () => {
    const out = io();
    expect(await discordCommand('register', { guild: GUILD_ID }, config(env()), out)).toBe(0);
    const put = await fake.waitForRequest(
      (r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`,
    );
    const [career, tips] = put.body;
    expect(career.name).toBe('career');
    expect(career.options[0]).toMatchObject({ name: 'role', type: 3, required: true, autocomplete: true });
    expect(career.options[1]).toMatchObject({ name: 'topic', type: 3, required: false });
    expect(career.options[1].choices.map((c: { value: string }) => c.value)).toEqual([...SECTION_IDS]);
    expect(career.options[1].choices.map((c: { value: string }) => c.value)).toContain('salary');
    // Guild commands take no contexts or integration types.
    expect(career.contexts).toBeUndefined();
    expect(tips.name).toBe('tips');
    expect(tips.default_member_permissions).toBe('16');
    expect(tips.options.map((o: { name: string; type: number }) => [o.name, o.type])).toEqual(
      ['subscribe', 'unsubscribe', 'status', 'preview', 'pause', 'resume', 'skip'].map((n) => [n, 1]),
    );
    expect(tips.options[0].options.map((o: { name: string }) => o.name)).toEqual(['day', 'time', 'timezone']);
    expect(out.out()).toContain(`registered /career, /tips in server ${GUILD_ID}`);
  });

  it('PUTs global commands: /career for server and user installs everywhere, /tips in servers', async () => {
    const out = io();
    expect(await discordCommand('register', {}, config(env()), out)).toBe(0);
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/commands`);
    expect(put.body[0]).toMatchObject({ name: 'career', contexts: [0, 1, 2], integration_types: [0, 1] });
    expect(put.body[1]).toMatchObject({ name: 'tips', contexts: [0], integration_types: [0] });
    expect(out.out()).toContain('globally');
  });

  it('names the missing variables', async () => {
    const out = io();
    expect(await discordCommand('register', {}, config({ DISCORD_API_URL: fake.apiUrl }), out)).toBe(1);
    expect(out.err()).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    const only = io();
    expect(await discordCommand('register', {}, config({ DISCORD_TOKEN: 'fake-token-0123456789abcdef' }), only)).toBe(
      1,
    );
    expect(only.err()).toMatch(/needs DISCORD_APPLICATION_ID in/);
  });

  it('rejects a malformed --guild and unknown subcommands', async () => {
    const out = io();
    expect(await discordCommand('register', { guild: 'my-server' }, config(env()), out)).toBe(2);
    expect(out.err()).toContain('--guild');
    expect(await discordCommand('deregister', {}, config(env()), io())).toBe(2);
    expect(await discordCommand(undefined, {}, config(env()), io())).toBe(2);
  });

  it('unregisters by PUTting an empty list', async () => {
    const out = io();
    const put = fake.nextRequest(
      (r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`,
    );
    expect(await discordCommand('unregister', { guild: GUILD_ID }, config(env()), out)).toBe(0);
    expect((await put).body).toEqual([]);
    expect(out.out()).toContain(`removed the bot's commands in server ${GUILD_ID}`);
  });

  it('explains a rejected token', async () => {
    fake.failNext('PUT', /commands$/, 401, { message: '401: Unauthorized', code: 0 });
    const out = io();
    expect(await discordCommand('register', {}, config(env()), out)).toBe(1);
    expect(out.err()).toContain('401');
    expect(out.err()).toContain('DISCORD_TOKEN');
  });
});
