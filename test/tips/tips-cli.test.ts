import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tipsCommand, type TipsCommandOptions } from '../../src/cli/tips-command.js';
import { openDatabase, openStore } from '../../src/store/open-store.js';
import { captureStream } from '../helpers/log-sink.js';
import { contentWithTips, NO_PACE } from './helpers/fixture.js';
import { memoryLogger } from './helpers/memory-logger.js';
import { recordingPoster } from './helpers/recording-poster.js';

const content = contentWithTips();

/** Runs `career-bot tips <sub>` in-process with injected posters, capturing its output. */
async function tips(
  sub: string,
  options: TipsCommandOptions,
  env: Record<string, string>,
  posters = [recordingPoster('slack'), recordingPoster('discord')],
) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  captureStream(stdout, 'cli stdout');
  captureStream(stderr, 'cli stderr');
  const code = await tipsCommand(
    content,
    sub,
    options,
    { stdin: new PassThrough(), stdout, stderr, env },
    { posters, logger: memoryLogger(), pace: NO_PACE },
  );
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
    const sub = await tips(
      'subscribe',
      {
        platform: 'discord',
        channel: '112233445566774242',
        day: 'thu',
        time: '18:00',
        tz: 'America/Sao_Paulo',
        at: '2025-03-05T12:00:00Z',
        json: true,
      },
      env,
    );
    expect(sub.code).toBe(0);
    expect(JSON.parse(sub.out)).toMatchObject({
      platform: 'discord',
      channelId: '112233445566774242',
      subscribed: true,
      nextPostAt: '2025-03-06T21:00:00.000Z',
      nextPostLocal: 'Thu 6 Mar 2025, 18:00 GMT-3',
      dueNow: false,
      tipsLeftInRotation: content.tips.length,
    });

    const status = await tips('status', { json: true, at: '2025-03-05T12:00:00Z' }, env);
    expect(JSON.parse(status.out)).toHaveLength(1);

    const early = await tips('run-due', { at: '2025-03-06T20:59:00Z', json: true }, env);
    expect(JSON.parse(early.out)).toMatchObject({ due: 0 });
    const run = await tips('run-due', { at: '2025-03-06T21:00:00Z', json: true }, env);
    expect(JSON.parse(run.out)).toMatchObject({ due: 1, counts: { posted: 1 } });
    expect(run.posters[1]!.posts).toHaveLength(1);
    const again = await tips('run-due', { at: '2025-03-07T10:00:00Z' }, env);
    expect(again.out).toBe('tips due at 2025-03-07T10:00:00.000Z: 0\n');

    const one = await tips(
      'status',
      { platform: 'discord', channel: '112233445566774242', at: '2025-03-07T10:00:00Z' },
      env,
    );
    expect(one.out).toMatch(/Next tip: Thu 13 Mar 2025, 18:00 GMT-3/);
    expect(one.out).toMatch(new RegExp(`Tips left before the rotation restarts: ${content.tips.length - 1}`));
    expect(one.out).toMatch(/Last: week 2025-W10, delivered/);

    expect((await tips('unsubscribe', { platform: 'discord', channel: '112233445566774242' }, env)).out).toBe(
      'unsubscribed discord channel 112233445566774242\n',
    );
    expect((await tips('status', {}, env)).out).toBe('no channels are subscribed to weekly tips\n');
  });

  it('defaults to Monday 09:00 UTC and "now"', async () => {
    const r = await tips('subscribe', { platform: 'slack', channel: 'C0AAAAAA9', json: true }, env);
    expect(JSON.parse(r.out).schedule).toEqual({ day: 'mon', time: '09:00', timeZone: 'UTC' });
  });

  it('records the workspace and its Enterprise Grid org with --workspace and --org, and status shows both', async () => {
    const channel = { platform: 'slack', channel: 'C0ORGAAA1' };
    const r = await tips('subscribe', { ...channel, workspace: 'T0ORG', org: 'E0ORG', json: true }, env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ workspace: 'T0ORG', organization: 'E0ORG' });
    const status = await tips('status', channel, env);
    expect(status.out).toContain('slack channel C0ORGAAA1 (workspace T0ORG, org E0ORG): weekly tips');
    const refused = await tips('subscribe', { ...channel, org: 'E0ORG' }, env);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--org needs --workspace TEAM');
  });

  it('rejects bad flags with a usage message and exit code 2', async () => {
    const cases: [string, TipsCommandOptions, RegExp][] = [
      ['subscribe', { platform: 'teams', channel: 'C0AAAAAA1' }, /--platform must be slack or discord/],
      ['subscribe', { platform: 'slack' }, /subscribe needs --channel ID/],
      [
        'subscribe',
        { platform: 'slack', channel: 'C0AAAAAA1', day: 'someday' },
        /not a day of the week.*career-bot tips subscribe --platform slack/,
      ],
      ['subscribe', { platform: 'slack', channel: 'C0AAAAAA1', tz: 'PST' }, /not an IANA time zone/],
      [
        'run-due',
        { at: 'next tuesday' },
        /--at "next tuesday" is not an ISO-8601 instant.*e\.g\. 2025-03-10T09:00:00Z/,
      ],
      ['run-due', { at: '2025-03-10 junk' }, /--at "2025-03-10 junk" is not an ISO-8601 instant/],
      ['run-due', { at: '2025-02-30T09:00:00Z' }, /--at "2025-02-30T09:00:00Z" is not an ISO-8601 instant/],
      [
        'run-due',
        { at: '2025-03-10T09:00:00' },
        /--at "2025-03-10T09:00:00" is not an ISO-8601 instant. Give a date, a time and Z or an offset/,
      ],
      ['run-due', { at: '2025-03-10' }, /is not an ISO-8601 instant/],
      ['run-due', { at: '2025-03-10T24:00:00Z' }, /is not an ISO-8601 instant/],
      [
        'subscribe',
        { platform: 'slack', channel: 'C0AAAAAA1', at: '2025-03-10T09:00:00+0100' },
        /is not an ISO-8601 instant/,
      ],
      ['run-due', { channel: 'C0AAAAAA1' }, /tips run-due does not take --channel \(it takes --at, --json\)/],
      ['run-due', { platform: 'slack' }, /tips run-due does not take --platform/],
      ['unsubscribe', { platform: 'slack', channel: 'C0AAAAAA1', day: 'mon' }, /tips unsubscribe does not take --day/],
      [
        'unsubscribe',
        { platform: 'slack', channel: 'C0AAAAAA1', time: '09:00' },
        /tips unsubscribe does not take --time/,
      ],
      ['unsubscribe', { platform: 'slack', channel: 'C0AAAAAA1', tz: 'UTC' }, /tips unsubscribe does not take --tz/],
      ['status', { tz: 'UTC' }, /tips status does not take --tz/],
      ['list', { at: '2025-03-10T09:00:00Z' }, /tips list does not take --at/],
      ['status', { platform: 'slack' }, /status --platform also needs --channel/],
      ['frob', {}, /unknown tips command "frob"/],
    ];
    for (const [sub, options, message] of cases) {
      const r = await tips(sub, options, env);
      expect(r.code, `${sub} ${JSON.stringify(options)}`).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it('reads --at with an offset as the same instant, and keeps the real clock for the ledger', async () => {
    await tips('subscribe', { platform: 'slack', channel: 'C0AAAAAA7', at: '2025-03-05T12:00:00Z' }, env);
    expect(JSON.parse((await tips('run-due', { at: '2025-03-10T09:59:00+01:00', json: true }, env)).out)).toMatchObject(
      { due: 0 },
    );
    const before = Date.now();
    const run = await tips('run-due', { at: '2025-03-10T10:00:00+01:00', json: true }, env);
    const after = Date.now();
    expect(JSON.parse(run.out)).toMatchObject({ at: '2025-03-10T09:00:00.000Z', due: 1, counts: { posted: 1 } });
    const store = await openStore({ dataDir: env.DATA_DIR!, logger: memoryLogger() });
    try {
      const row = (await store.getDelivery({ platform: 'slack', channelId: 'C0AAAAAA7' }, '2025-W11'))!;
      // `--at` decided what was due; the ledger says when it really happened.
      for (const t of [row.claimedAt, row.finishedAt!]) {
        expect(t.getTime()).toBeGreaterThanOrEqual(before);
        expect(t.getTime()).toBeLessThanOrEqual(after);
      }
    } finally {
      await store.close();
    }
  });

  it('reports a stored row with an unusable zone in status and still runs the others', async () => {
    await tips('subscribe', { platform: 'slack', channel: 'C0AAAAAA8', at: '2025-03-05T12:00:00Z' }, env);
    const { db } = openDatabase({ dataDir: env.DATA_DIR!, logger: memoryLogger() });
    try {
      await db
        .updateTable('tip_subscriptions')
        .set({ time_zone: 'Mars/Olympus_Mons' })
        .where('channel_id', '=', 'C0AAAAAA8')
        .execute();
      await db
        .insertInto('tip_subscriptions')
        .values({
          platform: 'discord',
          channel_id: '77',
          day: 'mon',
          time: '09:00',
          time_zone: 'UTC',
          active: 1,
          subscribed_at: 0,
          effective_from: 0,
          updated_at: 0,
          updated_by: 'hand',
          paused: 0,
          paused_reason: null,
          paused_at: null,
          skip_slot: null,
          next_slot: '2025-W11',
          next_slot_at: Date.parse('2025-03-10T09:00:00Z'),
          next_slot_date: '2025-03-10',
          rev: 1,
        })
        .execute();
    } finally {
      await db.destroy();
    }
    const status = await tips('status', { at: '2025-03-10T09:00:00Z', json: true }, env);
    expect(status.code).toBe(0);
    const all = JSON.parse(status.out) as { channelId: string; problem: string | null }[];
    expect(all.map((x) => [x.channelId, x.problem !== null])).toEqual([
      ['77', false],
      ['C0AAAAAA8', true],
    ]);
    const text = await tips('status', { platform: 'slack', channel: 'C0AAAAAA8' }, env);
    expect(text.out).toMatch(/Cannot post: invalid schedule: "Mars\/Olympus_Mons" is not a time zone/);
    const run = await tips('run-due', { at: '2025-03-10T09:00:00Z', json: true }, env);
    expect(JSON.parse(run.out)).toMatchObject({ due: 2, counts: { posted: 1, error: 1 } });
    expect(run.code).toBe(1);
  });

  it('fails fast on a bad DATABASE_URL', async () => {
    const r = await tips('status', {}, { ...env, DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/DATABASE_URL must be a URL such as postgres:\/\//);
  });
});
