import { MessageFlags, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Action, Block, Reply } from '../../core/reply.js';
import { fieldLines, listLines } from '../../core/block-lines.js';
import { fnv1a } from '../../core/fnv1a.js';
import { navigateId } from './custom-ids.js';
import { LIMITS, splitText, truncate } from './embed-limits.js';
import { renderButtons, type ButtonRow } from './render-buttons.js';
import type { PayChart } from '../../core/chart/pay-chart.js';
import { voteButtons } from '../shared/vote-buttons.js';

export const CHART_FILE = 'pay-chart.png';

/** A message body as Discord's API takes it (interaction callbacks, webhooks, channel messages). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowed_mentions: { parse: [] };
  flags?: number;
  /** The reply's pay chart, shown as the embed's image once `withChartFile` attaches it. */
  chart?: PayChart;
  files?: { name: string; attachment: Buffer }[];
}

export interface RenderOptions {
  /** Which page of a long reply (0-based; clamped). */
  page?: number;
  /** Only the asker sees it (interaction responses in a server). */
  ephemeral?: boolean;
  /** Offer a Share button that posts the answer visibly, if the core marks the reply shareable. */
  share?: boolean;
  /**
   * The button action this reply was just built from. Pressing it again
   * builds the same reply, so long replies can be paged with it even when
   * `rebuildAction` cannot tell (a section of a salary answer, help).
   */
  source?: Action;
}

const DEFAULT_COLOUR = 0x5865f2;
const FOOTER_MAX = 600;
const TRIMMED_NOTE = 'Shortened to fit Discord: ask about one topic at a time to read the rest.';

type Unit = { kind: 'lead'; text: string } | { kind: 'field'; name: string; value: string };

/**
 * Renders a neutral reply as one Discord message, within Discord's limits by
 * construction: text that does not fit one message goes on further pages,
 * reached with Previous/Next buttons when a button action re-creates exactly
 * this reply, and is cut with a note saying how to read the rest when not.
 */
export function renderEmbed(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  const title = truncate(reply.title, LIMITS.title);
  const footerBase = reply.footer ? truncate(reply.footer, FOOTER_MAX) : '';
  const budget = LIMITS.total - title.length - footerBase.length - 100;
  const pages = paginate(layout(reply.blocks), budget);
  const action = options.source ?? rebuildAction(reply);
  const pageCount = action ? pages.length : 1;
  const page = Math.min(Math.max(0, Math.trunc(options.page ?? 0)), pageCount - 1);
  const units = pages[page] ?? [];

  const footer = [
    footerBase,
    pageCount > 1 ? `Page ${page + 1} of ${pageCount}` : '',
    !action && pages.length > 1 ? TRIMMED_NOTE : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const description = units.flatMap((u) => (u.kind === 'lead' ? [u.text] : [])).join('\n\n');
  const fields: APIEmbedField[] = units.flatMap((u) => (u.kind === 'field' ? [{ name: u.name, value: u.value }] : []));

  const embed: APIEmbed = { title, color: roleColour(reply.role) };
  if (description) embed.description = description;
  if (fields.length) embed.fields = fields;
  if (footer) embed.footer = { text: footer };
  if (reply.chart) embed.image = { url: `attachment://${CHART_FILE}` };

  const message: DiscordMessage = {
    embeds: [embed],
    components: renderButtons({
      choices: reply.choices,
      action,
      page,
      pages: pageCount,
      share: Boolean(options.share && reply.shareable),
      votes: voteButtons(reply),
    }),
    allowed_mentions: { parse: [] },
    ...(reply.chart ? { chart: reply.chart } : {}),
  };
  if (options.ephemeral) message.flags = MessageFlags.Ephemeral;
  return message;
}

/**
 * The button action that re-creates exactly this reply, when the reply alone
 * shows one: a role's section (the core builds it from role and section
 * only) or the list of roles. Not a pay answer, which may hold the level and
 * city of the question that asked it, nor help, whose intent the core also
 * gives tips-command replies.
 */
export function rebuildAction(reply: Reply): Action | null {
  // Custom ids hold 100 characters; a comparison of many roles may not fit, and then is not paged.
  if (reply.recreate && navigateId(reply.recreate, 999).length <= 100) return reply.recreate;
  if (reply.intent === 'role' && reply.role && reply.section)
    return { type: 'section', role: reply.role, section: reply.section };
  if (reply.intent === 'list') return { type: 'list' };
  return null;
}

/** A stable colour per role id (FNV-1a hash to a hue), so a role always looks the same. */
export function roleColour(roleId: string | undefined): number {
  if (!roleId) return DEFAULT_COLOUR;
  return hslToRgb(fnv1a(roleId) % 360, 0.6, 0.5);
}

/** Blocks before the first heading make the description; each heading starts a field. */
function layout(blocks: readonly Block[]): Unit[] {
  const units: Unit[] = [];
  let heading: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    lines = [];
    if (!text) return;
    if (heading === null) {
      for (const chunk of splitText(text, LIMITS.description)) units.push({ kind: 'lead', text: chunk });
      return;
    }
    const name = truncate(heading, LIMITS.fieldName);
    splitText(text, LIMITS.fieldValue).forEach((value, i) => {
      units.push({ kind: 'field', name: i === 0 ? name : truncate(`${heading} (continued)`, LIMITS.fieldName), value });
    });
  };
  for (const block of blocks) {
    if (block.type === 'heading') {
      flush();
      heading = block.text.trim() || '\u200b';
      continue;
    }
    lines.push(...blockLines(block), '');
  }
  flush();
  return units;
}

function blockLines(block: Exclude<Block, { type: 'heading' }>): string[] {
  switch (block.type) {
    case 'paragraph':
      return [md(block.text)];
    case 'list':
      return listLines(block, md);
    case 'fields':
      return fieldLines(block.fields, md, (label) => `**${label}**`);
  }
}

/**
 * Content is plain text: escape what Discord would read as markdown (inline
 * marks, masked links, and headings, quotes and lists at a line start). Not
 * discord.js's escapeMarkdown: that takes ~20 ms on a 5,000-character text.
 */
export function md(text: string): string {
  return text
    .replace(/[\\*_~`|[]/g, '\\$&')
    .replace(/^([ \t]*)(#{1,3}|>{1,3}|[-+])(?=[ \t])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\.(?=[ \t])/gm, '$1\\.');
}

/** Packs units into pages that each fit one embed (description, 25 fields, total budget). */
function paginate(units: Unit[], budget: number): Unit[][] {
  const pages: Unit[][] = [];
  let page: Unit[] = [];
  let used = 0;
  let fields = 0;
  let description = 0;
  for (const unit of units) {
    for (;;) {
      const size =
        unit.kind === 'lead' ? unit.text.length + (description ? 2 : 0) : unit.name.length + unit.value.length;
      const fits =
        used + size <= budget &&
        (unit.kind === 'lead' ? fields === 0 && description + size <= LIMITS.description : fields < LIMITS.fields);
      if (fits || page.length === 0) {
        page.push(unit);
        used += size;
        if (unit.kind === 'lead') description += size;
        else fields += 1;
        break;
      }
      pages.push(page);
      page = [];
      used = fields = description = 0;
    }
  }
  if (page.length || pages.length === 0) pages.push(page);
  return pages;
}

function hslToRgb(h: number, s: number, l: number): number {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))));
  return (f(0) << 16) | (f(8) << 8) | f(4);
}
