import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../src/store/open-store.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { openLearningStore, type LearningStore } from '../helpers/learning-store.js';
import {
  buttonPress,
  eventCallback,
  findButton,
  FORM,
  JSON_TYPE,
  slashCommand,
  startHttpHarness,
  type Harness,
} from './harness.js';

const VOTER_SECRET = 'slack-test-secret-0123456789';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let h: Harness;
let learning: LearningStore;
let store: TipStore;
let dataDir: string;

beforeAll(async () => {
  learning = await openLearningStore('slack-votes', VOTER_SECRET);
  ({ store, dataDir } = learning);
  const { answerLog, usageReport } = learning;
  h = await startHttpHarness({ bot: { answerLog, usageReport }, env: { ADMIN_USER_IDS: 'UADMIN1' } });
});

afterAll(async () => {
  await h?.stop();
  await learning?.close();
});

describe('feedback and pay charts on Slack (real Bolt, fake Web API)', () => {
  it('a vote is stored once, changed by a second press, thanked privately, and the voter id is not in the database', async () => {
    expect(
      (await h.post(slashCommand(h.fake, { text: 'llm sme skills', responseId: 'r-v1', user: 'U0VOTER1' }), FORM))
        .status,
    ).toBe(200);
    const answer = (await h.fake.waitForResponse('r-v1')).body;
    const helpful = findButton(answer.blocks, '👍 Helpful');
    const notHelpful = findButton(answer.blocks, '👎 Not helpful');

    await h.post(buttonPress(h.fake, { button: helpful, responseId: 'r-v2', user: 'U0VOTER1' }), FORM);
    expect((await h.fake.waitForResponse('r-v2')).body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: expect.stringContaining('Thanks'),
    });
    await h.post(buttonPress(h.fake, { button: helpful, responseId: 'r-v3', user: 'U0VOTER1' }), FORM);
    expect((await h.fake.waitForResponse('r-v3')).body.text).toContain('already');
    await h.post(buttonPress(h.fake, { button: notHelpful, responseId: 'r-v4', user: 'U0VOTER1' }), FORM);
    expect((await h.fake.waitForResponse('r-v4')).body.text).toContain('changed');

    const { votes } = await store.learning.usage(null, 10);
    expect(votes).toEqual([{ intent: 'role', roles: 'llm-sme', section: 'skills', helpful: 0, notHelpful: 1 }]);
    const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
    try {
      const rows = db.prepare('select * from feedback_votes').all();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain('U0VOTER1');
    } finally {
      db.close();
    }
  });

  it('a pay answer in a DM uploads its chart to the DM through files.uploadV2', async () => {
    const body = eventCallback({
      type: 'message',
      channel: 'D9',
      channel_type: 'im',
      user: 'U1',
      text: 'senior ml systems engineer salary in seattle',
      ts: '1700000200.000100',
    });
    expect((await h.post(body, JSON_TYPE)).status).toBe(200);
    const complete = await h.fake.waitForCall('files.completeUploadExternal', (c) => c.args.channel_id === 'D9');
    const [file] = complete.args.files as { id: string; title: string }[];
    expect(file!.title).toBe('ML Systems Engineer: base salary');
    const uploaded = h.fake.uploads.find((u) => u.fileId === file!.id)!;
    expect(uploaded.bytes.includes(PNG_SIGNATURE)).toBe(true);
    const asked = h.fake
      .callsTo('files.getUploadURLExternal')
      .find((c) => c.args.filename === 'salary-ml-systems-engineer-senior-seattle.png')!;
    expect(String(asked.args.alt_txt ?? asked.args.alt_text)).toContain('Seattle, WA $150,000 – $174,000 (asked)');
  });

  it('a private pay answer in a channel uploads no chart until it is shared', async () => {
    const before = h.fake.callsTo('files.getUploadURLExternal').length;
    await h.post(slashCommand(h.fake, { text: 'ml systems engineer salary', responseId: 'r-c1', channel: 'C5' }), FORM);
    const answer = (await h.fake.waitForResponse('r-c1')).body;
    expect(h.fake.callsTo('files.getUploadURLExternal').length).toBe(before);
    await h.post(
      buttonPress(h.fake, { button: findButton(answer.blocks, 'Share in channel'), responseId: 'r-c2', channel: 'C5' }),
      FORM,
    );
    await h.fake.waitForCall('files.completeUploadExternal', (c) => c.args.channel_id === 'C5');
  });

  it('/career report: the usage report for an admin, privately; refused to anyone else', async () => {
    await h.post(slashCommand(h.fake, { text: 'report', responseId: 'r-rep1', user: 'UADMIN1' }), FORM);
    const admin = (await h.fake.waitForResponse('r-rep1')).body;
    expect(admin.response_type).toBe('ephemeral');
    expect(JSON.stringify(admin.blocks)).toMatch(/Answers: \d+/);
    expect(JSON.stringify(admin.blocks)).toContain('Least helpful answers by vote');
    await h.post(slashCommand(h.fake, { text: 'report 2026-01-01', responseId: 'r-rep2', user: 'U0NOBODY' }), FORM);
    expect(JSON.stringify((await h.fake.waitForResponse('r-rep2')).body.blocks)).toContain('for admins only');
  });
});
