import { LEVELS, type Content, type Level, type Role } from '../content/types.js';
import { fnv1a } from '../fnv1a.js';
import { moneyRange } from '../answer/money.js';

export interface PayBar {
  label: string;
  min: number;
  max: number;
  /** The level or city the question asked about. */
  highlight: boolean;
  /** The bar's role's hue (0-359), the same hue Discord gives the role's embed. */
  hue: number;
}

export interface PayBarGroup {
  title: string;
  bars: PayBar[];
}

/**
 * A pay chart as data: what any renderer draws, with no platform or picture
 * format in it. `key` names the chart for caching (same key, same picture).
 */
export interface PayChart {
  key: string;
  title: string;
  currency: string;
  groups: PayBarGroup[];
  footer: string;
  alt: string;
  /** Where an adapter serves the picture (https), when it does; set at the edge, never by the core. */
  url?: string;
}

/** A stable hue per role id, so a role's chart and embed share a colour. */
export function roleHue(roleId: string): number {
  return fnv1a(roleId) % 360;
}

const LEVEL_LABELS: Record<Level, string> = { entry: 'Entry', mid: 'Mid', senior: 'Senior' };

/** One role's ranges by level and by city; null when the role has no figures. */
export function salaryChart(role: Role, level: Level | null, location: string | null): PayChart | null {
  const s = role.salary;
  if (!s) return null;
  const hue = roleHue(role.id);
  const byLevel = LEVELS.flatMap((l) => {
    const r = s.levels[l];
    return r ? [{ label: LEVEL_LABELS[l], min: r.min, max: r.max, highlight: l === level, hue }] : [];
  });
  const byCity = Object.entries(s.locations).map(([id, r]) => ({
    label: r.name,
    min: r.min,
    max: r.max,
    highlight: id === location,
    hue,
  }));
  const groups = [
    ...(byLevel.length ? [{ title: 'By level', bars: byLevel }] : []),
    ...(byCity.length ? [{ title: 'By city (all levels)', bars: byCity }] : []),
  ];
  if (!groups.length) return null;
  return {
    key: `salary:${role.id}:${level ?? '-'}:${location ?? '-'}`,
    title: `${role.title}: base salary`,
    currency: s.currency,
    groups,
    footer: `${s.source} · ${s.region}, ${s.year}`,
    alt: altText(`${role.title} base salary, ${s.currency} a year`, groups, s.currency),
  };
}

/** Roles side by side, one group per role by level; null unless two or more roles have figures. */
export function compareChart(roles: readonly Role[], level: Level | null): PayChart | null {
  const withPay = roles.filter((r) => r.salary && Object.keys(r.salary.levels).length);
  if (withPay.length < 2) return null;
  const currency = withPay[0]!.salary!.currency;
  const groups = withPay.map((r) => ({
    title: r.title,
    bars: LEVELS.flatMap((l) => {
      const x = r.salary!.levels[l];
      return x ? [{ label: LEVEL_LABELS[l], min: x.min, max: x.max, highlight: l === level, hue: roleHue(r.id) }] : [];
    }),
  }));
  const sources = [...new Set(withPay.map((r) => `${r.salary!.source}, ${r.salary!.year}`))];
  return {
    key: `compare:${withPay.map((r) => r.id).join(',')}:${level ?? '-'}`,
    title: `Base salary by level: ${withPay.map((r) => r.title).join(' vs ')}`,
    currency,
    groups,
    footer: sources.join(' · '),
    alt: altText(`Base salary by level, ${currency} a year`, groups, currency),
  };
}

function altText(title: string, groups: readonly PayBarGroup[], currency: string): string {
  const bar = (b: PayBar) => `${b.label} ${moneyRange(b, currency)}${b.highlight ? ' (asked)' : ''}`;
  const parts = groups.map((g) => `${g.title}: ${g.bars.map(bar).join('; ')}`);
  return `${title}. ${parts.join('. ')}.`;
}

/** The chart a key names, built again from the content (a chart URL carries only its key); null when it names none. */
export function chartForKey(content: Content, key: string): PayChart | null {
  const parts = key.split(':');
  const level = (v: string | undefined): Level | null =>
    (LEVELS as readonly string[]).includes(v ?? '') ? (v as Level) : null;
  if (parts[0] === 'salary' && parts.length === 4) {
    const role = content.roleById.get(parts[1]!);
    const chart = role ? salaryChart(role, level(parts[2]), parts[3] === '-' ? null : parts[3]!) : null;
    return chart?.key === key ? chart : null;
  }
  if (parts[0] === 'compare' && parts.length === 3) {
    const roles = parts[1]!
      .split(',')
      .map((id) => content.roleById.get(id))
      .filter((r): r is Role => r !== undefined);
    const chart = compareChart(roles, level(parts[2]));
    return chart?.key === key ? chart : null;
  }
  return null;
}
