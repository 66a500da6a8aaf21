import type { types } from '@slack/bolt';
import { encodeAction } from '../../core/actions.js';
import { voteButtons } from '../shared/vote-buttons.js';
import { listLines } from '../../core/block-lines.js';
import type { Block, Choice, ChoiceGroup, Field, Reply } from '../../core/reply.js';
import { CHOICE_GROUP_LABELS, renderText } from '../../core/render-text.js';
import { bold, clip, escapeSlack, plainText, plainToMrkdwn, splitText } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type ActionsBlock = types.ActionsBlock;
type Button = types.Button;

/**
 * Block Kit's limits, and our own budget for the undocumented cumulative one
 * (chat.postMessage answers `msg_blocks_too_long` somewhere past ~12,000
 * characters of text): content on one page stays under `pageChars`, and the
 * rest of a message (title, notes, at most `buttons` labels) under ~3,500.
 */
export const LIMITS = {
  blocks: 50,
  sectionText: 3_000,
  fields: 10,
  fieldText: 2_000,
  headerText: 150,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  buttons: 30,
  fallbackText: 3_000,
  pageChars: 7_000,
} as const;

export interface RenderOptions {
  /** Encoded `ReplySource`: enables "Share in channel" and "Continue reading". */
  source?: string | null;
  /** Offer "Share in channel" (ephemeral answers in a channel). */
  share?: boolean;
  /** Slack user id of whoever shared the answer. */
  sharedBy?: string;
  /** Small print under the title, e.g. why the answer is private. */
  note?: string;
  /** Zero-based page of an answer too long for one message. */
  page?: number;
}

/** A chat.postMessage / respond() payload: notification text plus blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export const ACTION_IDS = {
  navPrefix: 'career_nav_',
  share: 'career_share',
  more: 'career_more',
  vote: 'career_vote',
} as const;

const GROUP_LABELS: Record<ChoiceGroup, string> = {
  ...CHOICE_GROUP_LABELS,
  suggestion: `${CHOICE_GROUP_LABELS.suggestion}?`,
};

/**
 * Renders a neutral reply as a Slack message that is within Block Kit's
 * limits whatever the reply holds: long text is split across sections, and
 * past one message's budget into pages reached by "Continue reading".
 * Every string is escaped, so nothing in a reply can ping or inject markup.
 */
export function renderBlocks(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const head: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: plainText(reply.title || 'career-bot', LIMITS.headerText), emoji: true },
    },
  ];
  if (options.sharedBy) head.push(context(`Shared by ${mentionOf(options.sharedBy)}`));
  if (options.note) head.push(context(clip(plainToMrkdwn(options.note), 300)));

  const tail: KnownBlock[] = [];
  if (reply.chart?.url) tail.push({ type: 'image', image_url: reply.chart.url, alt_text: clip(reply.chart.alt, 2000) });
  if (reply.footer) tail.push(context(clip(plainToMrkdwn(reply.footer), 500)));
  tail.push(...choiceBlocks(reply.choices));

  // Two slots stay free for the page marker and the controls row.
  const pages = paginate(contentUnits(reply.blocks), LIMITS.blocks - head.length - tail.length - 2);
  const page = Math.min(Math.max(0, Math.floor(options.page ?? 0)), pages.length - 1);
  const body: KnownBlock[] = pages[page] ?? [];
  const source = options.source ?? null;
  if (pages.length > 1) {
    const where = `Part ${page + 1} of ${pages.length}`;
    body.push(
      context(source || page + 1 === pages.length ? where : `${where}: the rest is too long for one Slack message.`),
    );
  }

  const controls: Button[] = [];
  if (source && page + 1 < pages.length) {
    controls.push(button(ACTION_IDS.more, `Continue reading (${page + 2}/${pages.length})`, `${page + 1}|${source}`));
  }
  if (source && options.share)
    controls.push({ ...button(ACTION_IDS.share, 'Share in channel', source), style: 'primary' });
  controls.push(...voteButtons(reply).map(([label, value], i) => button(`${ACTION_IDS.vote}_${i}`, label, value)));
  const controlRow: KnownBlock[] = controls.length ? [{ type: 'actions', elements: controls }] : [];

  return { text: fallbackText(reply, options.sharedBy), blocks: [...head, ...body, ...tail, ...controlRow] };
}

/** Notifications and screen readers: the plain-text answer, without its buttons. */
function fallbackText(reply: Reply, sharedBy: string | undefined): string {
  const text = clip(escapeSlack(renderText({ ...reply, choices: [] })), LIMITS.fallbackText - 40);
  return sharedBy ? `${text}\n(Shared by ${mentionOf(sharedBy)})` : text;
}

function mentionOf(userId: string): string {
  return /^[UW][A-Z0-9]{1,20}$/.test(userId) ? `<@${userId}>` : escapeSlack(userId.slice(0, 40));
}

function context(mrkdwn: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn, verbatim: true }] };
}

function section(text: string, fields?: string[]): SectionBlock {
  const block: SectionBlock = { type: 'section' };
  if (text) block.text = { type: 'mrkdwn', text, verbatim: true };
  if (fields?.length) block.fields = fields.map((f) => ({ type: 'mrkdwn', text: f, verbatim: true }));
  return block;
}

function button(actionId: string, label: string, value: string): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: plainText(label, LIMITS.buttonText), emoji: true },
    value,
  };
}

function choiceBlocks(choices: readonly Choice[]): KnownBlock[] {
  const groups = new Map<ChoiceGroup, Button[]>();
  let count = 0;
  choices.forEach((choice, i) => {
    const value = encodeAction(choice.action);
    if (count >= LIMITS.buttons || value.length > LIMITS.buttonValue) return;
    count += 1;
    const list = groups.get(choice.group) ?? [];
    list.push(button(`${ACTION_IDS.navPrefix}${i}`, choice.label, value));
    groups.set(choice.group, list);
  });
  const blocks: KnownBlock[] = [];
  for (const [group, buttons] of groups) {
    blocks.push(context(bold(GROUP_LABELS[group])));
    for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
      blocks.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) } satisfies ActionsBlock);
    }
  }
  return blocks;
}

interface Unit {
  block: SectionBlock;
  chars: number;
}

/** The reply's content as sections, each within the section limits. */
function contentUnits(blocks: readonly Block[]): Unit[] {
  const units: Unit[] = [];
  let heading: string | null = null;
  for (const block of blocks) {
    if (block.type === 'heading') {
      if (heading) units.push(textUnit(heading));
      heading = `*${clip(plainToMrkdwn(block.text), 200)}*`;
      continue;
    }
    const made =
      block.type === 'fields'
        ? fieldUnits(block.fields)
        : textUnits(block.type === 'list' ? listLines(block, plainToMrkdwn) : [plainToMrkdwn(block.text)]);
    const first = made[0];
    if (heading && first) made[0] = withHeading(first, heading);
    else if (heading) units.push(textUnit(heading));
    units.push(...made);
    heading = null;
  }
  if (heading) units.push(textUnit(heading));
  return units;
}

function withHeading(unit: Unit, heading: string): Unit {
  const text = unit.block.text?.text;
  if (text === undefined)
    return {
      block: section(
        heading,
        unit.block.fields?.map((f) => f.text),
      ),
      chars: unit.chars + heading.length,
    };
  const joined = `${heading}\n${text}`;
  return joined.length <= LIMITS.sectionText ? { block: section(joined), chars: joined.length } : unit;
}

function textUnit(text: string): Unit {
  return { block: section(text), chars: text.length };
}

/** Lines packed into sections of at most 3,000 characters; a longer line is split. */
function textUnits(lines: readonly string[]): Unit[] {
  const units: Unit[] = [];
  let current = '';
  const flush = () => {
    if (current) units.push(textUnit(current));
    current = '';
  };
  for (const line of lines.flatMap((l) => splitText(l, LIMITS.sectionText))) {
    if (current && current.length + 1 + line.length > LIMITS.sectionText) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  return units;
}

/** Key/value pairs, at most 10 per section and 3,000 characters per section. */
function fieldUnits(fields: readonly Field[]): Unit[] {
  const units: Unit[] = [];
  let current: string[] = [];
  let chars = 0;
  const flush = () => {
    if (current.length) units.push({ block: section('', current), chars });
    current = [];
    chars = 0;
  };
  for (const f of fields) {
    const text = `*${clip(plainToMrkdwn(f.label), 150)}*\n${clip(plainToMrkdwn(f.value), 1_000)}`;
    if (current.length === LIMITS.fields || chars + text.length > LIMITS.sectionText) flush();
    current.push(text);
    chars += text.length;
  }
  flush();
  return units;
}

/** Greedy pages by block count and characters; every page holds at least one unit. */
function paginate(units: readonly Unit[], maxBlocks: number): KnownBlock[][] {
  const pages: KnownBlock[][] = [[]];
  let chars = 0;
  for (const unit of units) {
    const page = pages[pages.length - 1]!;
    if (page.length > 0 && (page.length + 1 > maxBlocks || chars + unit.chars > LIMITS.pageChars)) {
      pages.push([unit.block]);
      chars = unit.chars;
    } else {
      page.push(unit.block);
      chars += unit.chars;
    }
  }
  return pages;
}
