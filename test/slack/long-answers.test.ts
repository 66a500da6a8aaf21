import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content/load-content.js';
import { buttonPress, buttonsOf, FORM, slashCommand, startHttpHarness, type Harness } from './harness.js';
import { blockKitProblems } from './limits.js';

/**
 * A section far longer than one Slack message (~36 paragraphs of ~700
 * characters), so "Continue reading" has real pages to turn.
 */
function longRole(): string {
  const paragraphs = Array.from({ length: 36 }, (_, i) => {
    const sentence = `Paragraph ${i + 1} describes one more duty of the pager engineer in some detail, so that the section grows well past a single message.`;
    return Array.from({ length: 5 }, () => sentence).join(' ');
  });
  return [
    '---',
    'id: pager-engineer',
    'title: Pager Engineer',
    'aliases: [pager engineer]',
    '---',
    '',
    '## Responsibilities',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

describe('Slack: an answer longer than one message (real Bolt receiver, fake Web API)', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'career-bot-slack-'));
    mkdirSync(path.join(dir, 'roles'));
    writeFileSync(path.join(dir, 'roles', 'pager-engineer.md'), longRole());
    const loaded = loadContent(dir);
    if (!loaded.ok) throw new Error(`temp content does not load: ${JSON.stringify(loaded.problems)}`);
    h = await startHttpHarness({ bot: { content: loaded.content } });
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const sectionText = (blocks: any[]) =>
    blocks
      .filter((b) => b.type === 'section')
      .map((b) => b.text?.text ?? '')
      .join('\n');
  const moreButton = (blocks: any[]) => buttonsOf(blocks).find((b) => b.action_id === 'career_more');

  it('"Continue reading" replaces the answer in place with the next, different page', async () => {
    expect(
      (await h.post(slashCommand(h.fake, { text: 'pager engineer responsibilities', responseId: 'r-long-1' }), FORM))
        .status,
    ).toBe(200);
    const first = (await h.fake.waitForResponse('r-long-1')).body;
    expect(first.blocks[0].text.text).toBe('Pager Engineer · Responsibilities');
    expect(JSON.stringify(first.blocks)).toContain('Part 1 of ');
    const more = moreButton(first.blocks);
    expect(more?.text.text).toMatch(/^Continue reading \(2\/\d+\)$/);
    expect(blockKitProblems(first)).toEqual([]);

    expect((await h.post(buttonPress(h.fake, { button: more!, responseId: 'r-long-2' }), FORM)).status).toBe(200);
    const second = (await h.fake.waitForResponse('r-long-2')).body;
    expect(second.replace_original).toBe(true);
    expect(second.blocks[0].text.text).toBe('Pager Engineer · Responsibilities');
    expect(JSON.stringify(second.blocks)).toContain('Part 2 of ');
    expect(sectionText(first.blocks)).toContain('Paragraph 1 ');
    expect(sectionText(second.blocks)).not.toContain('Paragraph 1 ');
    expect(sectionText(second.blocks)).not.toEqual(sectionText(first.blocks));
    expect(sectionText(second.blocks)).toMatch(/Paragraph \d+ /);
    expect(blockKitProblems(second)).toEqual([]);
  });
});
