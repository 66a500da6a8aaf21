import { describe, expect, it } from 'vitest';
import { clip, escapeSlack, plainToMrkdwn, splitText, unescapeSlack } from '../../src/adapters/slack/mrkdwn.js';
import { renderBlocks } from '../../src/adapters/slack/render-blocks.js';
import { createBot } from '../../src/core/bot.js';
import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import { sectionsOf } from '../../src/core/content/types.js';
import type { Reply } from '../../src/core/reply.js';
import { buttonsOf, testContent } from './harness.js';
import { blockKitProblems } from './limits.js';

const bot = createBot({ surface: slackSurface, content: testContent(), clock: () => new Date('2025-01-06T09:00:00Z') });
const ask = (text: string) => bot.answer(text).reply;

describe('renderBlocks snapshots (paste into Block Kit Builder to review)', () => {
  it.each([
    ['a role section', 'knowledge graph engineer skills', { source: 't:knowledge graph engineer skills', share: true }],
    [
      'a salary answer',
      'what does a senior ML systems engineer make in Seattle?',
      { source: 't:salary', share: true, note: 'Only you can see this.' },
    ],
    ['an unsure match', 'graph person', {}],
    ['the role list', 'list roles', { sharedBy: 'U123ABC' }],
  ])('%s', (_name, question, options) => {
    const message = renderBlocks(ask(question), options);
    expect(blockKitProblems(message)).toEqual([]);
    expect(message).toMatchSnapshot();
  });
});

describe('renderBlocks stays within Block Kit limits by construction', () => {
  it('for every section of every role', () => {
    for (const role of testContent().roles) {
      for (const section of sectionsOf(role)) {
        const reply = bot.answer(`${role.title} ${section.replace(/-/g, ' ')}`).reply;
        expect(blockKitProblems(renderBlocks(reply, { source: 't:x', share: true })), `${role.id} ${section}`).toEqual(
          [],
        );
      }
    }
  });

  const huge: Reply = {
    intent: 'role',
    title: `${'Very long title '.repeat(20)}<!channel>`,
    blocks: [
      ...Array.from({ length: 30 }, (_, i) => ({ type: 'heading' as const, text: `Heading ${i} ${'h'.repeat(300)}` })),
      { type: 'paragraph', text: `${'A sentence that goes on. '.repeat(400)}${'x'.repeat(5_000)}` },
      {
        type: 'list',
        ordered: true,
        items: Array.from({ length: 300 }, (_, i) => `item ${i} & <@U1> ${'y'.repeat(i)}`),
      },
      {
        type: 'fields',
        fields: Array.from({ length: 37 }, (_, i) => ({
          label: `label ${i} ${'l'.repeat(200)}`,
          value: `v&${'z'.repeat(3_000)}`,
        })),
      },
      ...Array.from({ length: 80 }, (_, i) => ({ type: 'paragraph' as const, text: `paragraph ${i}` })),
    ],
    choices: Array.from({ length: 80 }, (_, i) => ({
      label: `Choice ${i} ${'c'.repeat(100)}`,
      action: { type: 'section' as const, role: 'ml-systems-engineer', section: 'skills' as const },
      group: (['section', 'related', 'suggestion', 'role'] as const)[i % 4]!,
    })),
    footer: `<!here> ${'f'.repeat(2_000)}`,
    private: false,
  };

  it('for absurdly long content, splitting it into pages with "Continue reading"', () => {
    const first = renderBlocks(huge, { source: 't:huge', share: true, note: 'n'.repeat(1_000), sharedBy: 'U1' });
    expect(blockKitProblems(first)).toEqual([]);
    const more = buttonsOf(first.blocks).find((b) => b.action_id === 'career_more');
    expect(more?.value).toMatch(/^1\|t:huge$/);
    const pages = Number(/\/(\d+)\)$/.exec(more!.text.text)![1]);
    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page < pages; page += 1) {
      const rendered = renderBlocks(huge, { source: 't:huge', share: true, page });
      expect(blockKitProblems(rendered), `page ${page}`).toEqual([]);
      const next = buttonsOf(rendered.blocks).find((b) => b.action_id === 'career_more');
      expect(next?.value).toBe(page + 1 < pages ? `${page + 1}|t:huge` : undefined);
    }
    // Past the end clamps to the last page rather than failing.
    expect(blockKitProblems(renderBlocks(huge, { page: 999 }))).toEqual([]);
  });

  it('says the answer was trimmed when there is no way to fetch the rest', () => {
    const message = renderBlocks(huge);
    expect(JSON.stringify(message.blocks)).toContain('the rest is too long for one Slack message');
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).not.toContain('career_more');
  });

  it('keeps every button value within 2,000 and every action_id unique', () => {
    const ids = buttonsOf(renderBlocks(huge, { source: 't:huge', share: true }).blocks).map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThanOrEqual(32);
  });
});

describe('renderBlocks escaping', () => {
  const hostile: Reply = {
    intent: 'role',
    title: 'Title <!channel> & co',
    blocks: [
      {
        type: 'paragraph',
        text: 'Ping <!channel> and <@U123> and <!subteam^S1> at <https://evil.example|here>; *not bold* _not italic_ ~no~ `no`',
      },
      { type: 'list', ordered: false, items: ['<!everyone>', 'R&D > sales'] },
      { type: 'fields', fields: [{ label: '<@U1>', value: '<#C1>' }] },
    ],
    choices: [{ label: '<!here> & more', action: { type: 'list' }, group: 'role' }],
    footer: '<!channel>',
    private: false,
  };

  it('escapes &, < and > in every text, so nothing pings or links', () => {
    const message = renderBlocks(hostile, { source: 't:x', share: true });
    expect(blockKitProblems(message)).toEqual([]);
    const all = JSON.stringify(message);
    expect(all).not.toMatch(/<!|<@|<#|<https/);
    expect(all).toContain('&lt;!channel&gt;');
    expect(message.text).toContain('R&amp;D &gt; sales');
  });

  it('uses verbatim mrkdwn and breaks formatting markers in plain text', () => {
    const section = renderBlocks(hostile).blocks.find((b) => b.type === 'section') as any;
    expect(section.text.verbatim).toBe(true);
    expect(section.text.text).not.toContain('*not bold*');
    expect(section.text.text.replace(/\u200b/g, '')).toContain('*not bold*');
  });

  it('only mentions the sharer when the id looks like a Slack user id', () => {
    expect(JSON.stringify(renderBlocks(hostile, { sharedBy: 'U42' }).blocks)).toContain('Shared by <@U42>');
    expect(JSON.stringify(renderBlocks(hostile, { sharedBy: '<!channel>' }).blocks)).toContain(
      'Shared by &lt;!channel&gt;',
    );
  });
});

describe('mrkdwn helpers', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<!channel>', '&lt;!channel&gt;'],
    ['x > y < z', 'x &gt; y &lt; z'],
  ])('escapeSlack(%j) = %j, and unescapeSlack inverts it', (plain, escaped) => {
    expect(escapeSlack(plain)).toBe(escaped);
    expect(unescapeSlack(escaped)).toBe(plain);
  });

  it('leaves underscores inside words alone', () => {
    expect(plainToMrkdwn('snake_case and _italic_')).toBe('snake_case and _\u200bitalic_\u200b');
  });

  it('never cuts an entity or a surrogate pair', () => {
    expect(clip('abc&amp;def', 6)).toBe('abc…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('short', 10)).toBe('short');
  });

  it('splits long text at breaks, each piece within the limit', () => {
    const text = escapeSlack(`${'word & '.repeat(1_000)}${'z'.repeat(4_000)}`);
    const pieces = splitText(text, 3_000);
    expect(pieces.every((p) => p.length <= 3_000 && !/&[a-z]{0,3}$/.test(p))).toBe(true);
    expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});
