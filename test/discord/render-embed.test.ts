import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { describe, expect, it } from 'vitest';
import { parseCustomId, navigateId, shareId } from '../../src/adapters/discord/custom-ids.js';
import { md, rebuildAction, renderEmbed, roleColour } from '../../src/adapters/discord/render-embed.js';
import { createBot } from '../../src/core/bot.js';
import { loadContent } from '../../src/core/content/load-content.js';
import type { Block, Choice, Reply } from '../../src/core/reply.js';
import { SECTION_IDS } from '../../src/core/sections.js';
import { embedText, limitProblems } from './limits.js';
import { envelope, question } from '../helpers/messages.js';

const loaded = loadContent('content');
if (!loaded.ok) throw new Error('content does not load');
const bot = createBot({ surface: discordSurface, content: loaded.content });

const long = (tag: string, n: number) =>
  `${tag} ${'lorem ipsum dolor sit amet '.repeat(Math.ceil(n / 27))}`.slice(0, n);

/** A reply far beyond every Discord limit: long title, huge paragraphs, 40 headed sections, 60 choices. */
function hugeReply(over: Partial<Reply> = {}): Reply {
  const blocks: Block[] = [
    { type: 'paragraph', text: long('LEAD-A', 5000) },
    { type: 'paragraph', text: long('LEAD-B', 3000) },
  ];
  for (let i = 0; i < 40; i++) {
    blocks.push({ type: 'heading', text: `Heading ${i} ${'h'.repeat(300)}` });
    blocks.push({ type: 'list', ordered: i % 2 === 0, items: [long(`ITEM-${i}`, 700), long(`ITEM2-${i}`, 700)] });
    blocks.push({ type: 'fields', fields: [{ label: `Label ${i}`, value: `VALUE-${i}` }] });
  }
  const choices: Choice[] = Array.from({ length: 60 }, (_, i) => ({
    label: `Choice ${i} ${'x'.repeat(100)}`,
    action: { type: 'section', role: `role-${i}-${'r'.repeat(50)}`, section: 'work-environment' },
    group: i < 30 ? 'section' : 'related',
  }));
  return {
    intent: 'role',
    title: 'T'.repeat(400),
    blocks,
    choices,
    private: false,
    shareable: true,
    role: 'ml-systems-engineer',
    section: 'skills',
    footer: 'F'.repeat(3000),
    ...over,
  };
}

describe('renderEmbed', () => {
  it('keeps every role and section of the shipped content within Discord limits', async () => {
    for (const role of loaded.content.roles) {
      for (const section of SECTION_IDS) {
        const reply = await bot.handle(
          question(envelope('discord', { user: { id: '1' }, channel: '2' }), 'command', `${role.id} ${section}`),
        );
        for (const options of [{}, { ephemeral: true, share: true }]) {
          expect(limitProblems(renderEmbed(reply, options)), `${role.id} ${section}`).toEqual([]);
        }
      }
    }
  });

  it('shows a salary answer with its figures in fields and its source and year in the footer', () => {
    const msg = renderEmbed(bot.answer('ml systems engineer salary').reply);
    const embed = msg.embeds[0]!;
    expect(embed.fields?.map((f) => f.name)).toEqual(
      expect.arrayContaining(['By experience', 'By city', 'Total compensation']),
    );
    expect(embed.fields?.find((f) => f.name === 'By experience')?.value).toContain(
      '**Senior level**: $153,000 – $267,000',
    );
    expect(embed.footer?.text).toMatch(/Figures: .*2024, USD per year\./);
  });

  it('splits an oversized reply into pages that are each within limits and together hold all of it', () => {
    const reply = hugeReply();
    const first = renderEmbed(reply);
    const next = first.components.at(-1)!.components.find((b) => 'label' in b && b.label?.startsWith('Next'));
    const pages = Number(/\/(\d+)\)/.exec((next as { label: string }).label)![1]);
    expect(pages).toBeGreaterThan(2);
    let all = '';
    for (let page = 0; page < pages; page++) {
      const msg = renderEmbed(reply, { page, share: true });
      expect(limitProblems(msg), `page ${page}`).toEqual([]);
      expect(msg.embeds[0]!.footer!.text).toContain(`Page ${page + 1} of ${pages}`);
      all += embedText(msg);
    }
    for (const tag of ['LEAD-A', 'LEAD-B', 'ITEM-0', 'ITEM2-39', 'VALUE-39']) expect(all).toContain(tag);
    // Out-of-range pages clamp rather than fail.
    expect(limitProblems(renderEmbed(reply, { page: 999 }))).toEqual([]);
  });

  it('page buttons re-create the reply from its action, within 100-character ids', () => {
    const msg = renderEmbed(hugeReply(), { page: 1, share: true });
    const controls = msg.components.at(-1)!.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(controls).toEqual(['s:ml-systems-engineer:skills', 'pg:2:s:ml-systems-engineer:skills', 'sh']);
    expect(parseCustomId(controls[1]!)).toEqual({
      kind: 'navigate',
      page: 2,
      action: { type: 'section', role: 'ml-systems-engineer', section: 'skills' },
    });
  });

  it('pages only replies a button re-creates exactly: a pay answer from a question is trimmed, not paged', () => {
    // A pay answer may hold the level and city of its question; its section action would rebuild it without them.
    const salary = hugeReply({ intent: 'salary', section: 'salary' });
    const asked = renderEmbed(salary, { share: true });
    expect(limitProblems(asked)).toEqual([]);
    expect(asked.embeds[0]!.footer!.text).toContain('ask about one topic at a time');
    expect(JSON.stringify(asked.components)).not.toContain('pg:');
    expect(JSON.stringify(asked.components)).toContain('"sh"');
    // The same reply built by pressing a section button is exactly what that button rebuilds.
    const source = { type: 'section', role: 'ml-systems-engineer', section: 'salary' } as const;
    const pressed = renderEmbed(salary, { source });
    expect(JSON.stringify(pressed.components)).toContain('"pg:1:s:ml-systems-engineer:salary"');
    // Help shares its intent with tips-command replies, so only a help button press pages it.
    expect(rebuildAction(hugeReply({ intent: 'help', role: undefined, section: undefined }))).toBeNull();
    expect(rebuildAction(hugeReply({ intent: 'list', role: undefined, section: undefined }))).toEqual({ type: 'list' });
    expect(rebuildAction(hugeReply())).toEqual({ type: 'section', role: 'ml-systems-engineer', section: 'skills' });
  });

  it('trims a reply nothing can re-create, and says how to read the rest', () => {
    const msg = renderEmbed(hugeReply({ intent: 'unknown', role: undefined, section: undefined }));
    expect(limitProblems(msg)).toEqual([]);
    expect(msg.embeds[0]!.footer!.text).toContain('ask about one topic at a time');
    expect(JSON.stringify(msg.components)).not.toContain('pg:');
  });

  it('escapes markdown in content so text shows as written', () => {
    const reply: Reply = {
      intent: 'role',
      title: 'x',
      blocks: [{ type: 'paragraph', text: '**bold** _it_ [link](http://x) @everyone' }],
      choices: [],
      private: false,
    };
    const msg = renderEmbed(reply);
    expect(msg.embeds[0]!.description).toBe('\\*\\*bold\\*\\* \\_it\\_ \\[link](http://x) @everyone');
    expect(msg.allowed_mentions).toEqual({ parse: [] });
    expect(md('# not a heading\n- not a list\n1. not numbered\n> not a quote')).toBe(
      '\\# not a heading\n\\- not a list\n1\\. not numbered\n\\> not a quote',
    );
    expect(md('C/C++, 7-10+ yrs, $75,000 – $132,000')).toBe('C/C++, 7-10+ yrs, $75,000 – $132,000');
  });

  it('gives each role its own stable colour, and a default colour without a role', () => {
    expect(roleColour('llm-sme')).toBe(roleColour('llm-sme'));
    const colours = new Set(loaded.content.roles.map((r) => roleColour(r.id)));
    expect(colours.size).toBe(loaded.content.roles.length);
    for (const c of colours) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(0xffffff);
    }
    expect(
      renderEmbed({ intent: 'list', title: 'Roles', blocks: [], choices: [], private: false }).embeds[0]!.color,
    ).toBe(0x5865f2);
  });

  it('marks ephemeral messages, and offers Share only on replies the core marks shareable', () => {
    const reply = bot.answer('llm sme skills').reply;
    expect(renderEmbed(reply, { ephemeral: true }).flags).toBe(64);
    expect(renderEmbed(reply).flags).toBeUndefined();
    expect(JSON.stringify(renderEmbed(reply, { share: true }).components)).toContain('"sh"');
    expect(JSON.stringify(renderEmbed(reply).components)).not.toContain('"sh"');
    const salary = bot.answer('senior ml systems engineer salary in seattle').reply;
    expect(JSON.stringify(renderEmbed(salary, { share: true }).components)).toContain('"sh"');
    for (const text of ['underwater basket weaving', 'help']) {
      const notShareable = bot.answer(text).reply;
      expect(notShareable.shareable ?? false, text).toBe(false);
      expect(JSON.stringify(renderEmbed(notShareable, { share: true }).components), text).not.toContain('"sh"');
    }
  });
});

describe('custom ids', () => {
  it('round-trip and reject anything else', () => {
    const action = { type: 'section', role: 'knowledge-graph-engineer', section: 'career-path' } as const;
    expect(parseCustomId(navigateId(action))).toEqual({ kind: 'navigate', action, page: 0 });
    expect(parseCustomId(navigateId(action, 3))).toEqual({ kind: 'navigate', action, page: 3 });
    expect(parseCustomId(shareId())).toEqual({ kind: 'share' });
    // Share ids of earlier versions carried an action; they still share.
    expect(parseCustomId('sh:s:knowledge-graph-engineer:career-path')).toEqual({ kind: 'share' });
    expect(parseCustomId('sh:l')).toEqual({ kind: 'share' });
    for (const bad of ['', 'x', 'sh:', 'sh:x', 'pg:1:', 'pg:x:l', 's:Bad Role:skills', 's:role:nope'])
      expect(parseCustomId(bad)).toBeNull();
  });
});
