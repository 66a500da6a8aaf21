import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Action, Choice } from '../../core/reply.js';
import { navigateId, shareId } from './custom-ids.js';
import { LIMITS, truncate } from './embed-limits.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface ButtonOptions {
  choices: readonly Choice[];
  /** What re-creates this reply exactly, for paging; null when nothing does. */
  action: Action | null;
  page: number;
  pages: number;
  /** Offer a Share button (it reposts the message it is on, so it needs no action). */
  share: boolean;
  /** Helpful / Not helpful, as [label, custom id] (src/adapters/shared/vote-buttons.ts). */
  votes?: [string, string][];
}

/**
 * Rows of buttons: the reply's choices (sections first, then related roles),
 * and a last row for paging and Share. At most 5 rows of 5; choices that do
 * not fit are dropped from the end, never the controls.
 */
export function renderButtons(o: ButtonOptions): ButtonRow[] {
  const controls: APIButtonComponent[] = [];
  if (o.action && o.pages > 1) {
    if (o.page > 0) controls.push(button(navigateId(o.action, o.page - 1), '◀ Previous', ButtonStyle.Secondary));
    if (o.page < o.pages - 1)
      controls.push(
        button(navigateId(o.action, o.page + 1), `Next ▶ (${o.page + 2}/${o.pages})`, ButtonStyle.Secondary),
      );
  }
  if (o.share) controls.push(button(shareId(), 'Share', ButtonStyle.Success));
  for (const [label, id] of o.votes ?? [])
    if (id.length <= LIMITS.customId) controls.push(button(id, label, ButtonStyle.Secondary));

  const seen = new Set(controls.map((c) => ('custom_id' in c ? c.custom_id : '')));
  const choiceButtons: { group: string; button: APIButtonComponent }[] = [];
  for (const choice of o.choices) {
    const id = navigateId(choice.action);
    if (seen.has(id) || id.length > LIMITS.customId) continue;
    seen.add(id);
    const style = choice.group === 'section' ? ButtonStyle.Secondary : ButtonStyle.Primary;
    choiceButtons.push({ group: choice.group, button: button(id, choice.label, style) });
  }

  const maxRows = LIMITS.rows - (controls.length ? 1 : 0);
  let rows = groupedRows(choiceButtons);
  if (rows.length > maxRows)
    rows = chunk(
      choiceButtons.map((c) => c.button),
      LIMITS.buttonsPerRow,
    );
  rows = rows.slice(0, maxRows);
  if (controls.length) rows.push(controls);
  return rows.map((components) => ({ type: ComponentType.ActionRow, components }));
}

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success,
): APIButtonComponent {
  return { type: ComponentType.Button, style, label: truncate(label, LIMITS.label), custom_id: customId };
}

/** One run of rows per group, so sections and related roles read as separate sets. */
function groupedRows(items: { group: string; button: APIButtonComponent }[]): APIButtonComponent[][] {
  const rows: APIButtonComponent[][] = [];
  let group: string | null = null;
  for (const item of items) {
    const row = rows[rows.length - 1];
    if (!row || item.group !== group || row.length >= LIMITS.buttonsPerRow) rows.push([item.button]);
    else row.push(item.button);
    group = item.group;
  }
  return rows;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
