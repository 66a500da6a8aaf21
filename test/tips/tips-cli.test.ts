import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tipsCommand, type TipsCommandOptions } from '../../src/cli/tips-command.js';
import { contentWithTips, NO_PACE } from './helpers/fixture.js';
import { memoryLogger } from './helpers/memory-logger.js';
import { recordingPoster } from './helpers/recording-poster.js';

const content = contentWithTips();

/** Runs `career-bot tips <sub>` in-process with injected posters, capturing its output. */
async function tips(sub: string, options: TipsCommandOptions, env: Record<string, string>, posters = [recordingPoster('slack'), recordingPoster('discord')]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await tipsCommand(content, sub, options, { stdin: new PassThrough(), stdout, stderr, env }, { posters, logger: memoryLogger(), pace: NO_PACE });
  return { code, out, err, posters };
}

describe('career-bot tips (operator commands, in-process)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'career-bot-cli-'));
    env = { DATA_DIR: path.join(dir, 'data') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('subscribes, shows status, runs what is due once, unsubscribes', async () => {
    const sub = await tips('subscribe', { platform: 'discord', channel: '4242', day: 'thu', time: '18:00', tz: 'America/Sao_Paulo', at: '2025-03-05T12:00:00Z', json: true }, env);
    expect(sub.code).toBe(0);
    expect(JSON.parse(sub.out)).toMatchObject({ platform: 'discord', channelId: '4242', subscribed: true, nextPostAt: '2025-03-06T21:00:00.000Z', nextPostLocal: 'Thu 6 Mar 2025, 18:00 GMT-3', dueNow: false, tipsLeftInRotation: content.tips.length });

    const status = await tips('status', { json: true, at: '2025-03-05T12:00:00Z' }, env);
    expect(JSON.parse(status.out)).toHaveLength(1);

    const early = await tips('run-due', { at: '2025-03-06T20:59:00Z', json: true }, env);
    expect(JSON.parse(early.out)).toMatchObject({ due: 0 });
    const run = await tips('run-due', { at: '2025-03-06T21:00:00Z', json: true }, env);
    expect(JSON.parse(run.out)).toMatchObject({ due: 1, counts: { posted: 1 } });
    expect(run.posters[1]!.posts).toHaveLength(1);
    const again = await tips('run-due', { at: '2025-03-07T10:00:00Z' }, env);
    expect(again.out).toBe('tips due at 2025-03-07T10:00:00.000Z: 0\n');

    const one = await tips('status', { platform: 'discord', channel: '4242', at: '2025-03-07T10:00:00Z' }, env);
    expect(one.out).toMatch(/Next tip: Thu 13 Mar 2025, 18:00 GMT-3/);
    expect(one.out).toMatch(new RegExp(`Tips left before the rotation restarts: ${content.tips.length - 1}`));
    expect(one.out).toMatch(/Last: week 2025-W10, delivered/);

    expect((await tips('unsubscribe', { platform: 'discord', channel: '4242' }, env)).out).toBe('unsubscribed discord channel 4242\n');
    expect((await tips('status', {}, env)).out).toBe('no channels are subscribed to weekly tips\n');
  });

  it('defaults to Monday 09:00 UTC and "now"', async () => {
    const r = await tips('subscribe', { platform: 'slack', channel: 'C9', json: true }, env);
    expect(JSON.parse(r.out).schedule).toEqual({ day: 'mon', time: '09:00', timeZone: 'UTC' });
  });

  it('rejects bad flags with a usage message and exit code 2', async () => {
    const cases: [string, TipsCommandOptions, RegExp][] = [
      ['subscribe', { platform: 'teams', channel: 'C1' }, /--platform must be slack or discord/],
      ['subscribe', { platform: 'slack' }, /subscribe needs --channel ID/],
      ['subscribe', { platform: 'slack', channel: 'C1', day: 'someday' }, /not a day of the week.*career-bot tips subscribe --platform slack/],
      ['subscribe', { platform: 'slack', channel: 'C1', tz: 'PST' }, /not an IANA time zone/],
      ['run-due', { at: 'next tuesday' }, /--at "next tuesday" is not an ISO-8601 time/],
      ['status', { platform: 'slack' }, /status --platform also needs --channel/],
      ['frob', {}, /unknown tips command "frob"/],
    ];
    for (const [sub, options, message] of cases) {
      const r = await tips(sub, options, env);
      expect(r.code, `${sub} ${JSON.stringify(options)}`).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it('fails fast on a bad DATABASE_URL', async () => {
    const r = await tips('status', {}, { ...env, DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
  });
});
