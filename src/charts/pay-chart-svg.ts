import type { PayChart } from '../core/chart/pay-chart.js';
import { money } from '../core/answer/money.js';

const WIDTH = 760;
const LABEL_W = 150;
const VALUE_W = 170;
const ROW = 30;
const BAR = 18;
const GROUP_HEAD = 30;
const TOP = 58;
const AXIS_H = 36;
const FOOT = 34;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

/** Round axis steps, in currency units. */
const STEPS = [10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000];

/**
 * The chart as SVG: every range a floating horizontal bar on one shared
 * axis, grouped (by level, by city, or by role), the asked-for bar in full
 * colour and outlined, the others paler. The card carries its own light
 * background and border, so it reads the same on dark and light themes.
 */
export function payChartSvg(chart: PayChart): string {
  const bars = chart.groups.flatMap((g) => g.bars);
  const lo = Math.min(...bars.map((b) => b.min));
  const hi = Math.max(...bars.map((b) => b.max));
  const step = STEPS.find((s) => (hi - lo) / s <= 6) ?? STEPS[STEPS.length - 1]!;
  const from = Math.floor(lo / step) * step;
  const to = Math.max(from + step, Math.ceil(hi / step) * step);
  const plotW = WIDTH - LABEL_W - VALUE_W - 24;
  const x = (v: number) => LABEL_W + ((v - from) / (to - from)) * plotW;
  const rows = chart.groups.length * GROUP_HEAD + bars.length * ROW;
  const height = TOP + rows + AXIS_H + FOOT;
  const out: string[] = [];
  let y = TOP;
  const axisTop = TOP;
  const axisBottom = TOP + rows;
  for (let v = from; v <= to; v += step) {
    out.push(`<line x1="${x(v)}" y1="${axisTop}" x2="${x(v)}" y2="${axisBottom}" stroke="#d8dde3" stroke-width="1"/>`);
    const tick = esc(short(v, chart.currency));
    out.push(
      `<text x="${x(v)}" y="${axisBottom + 18}" font-size="12" fill="#57606a" text-anchor="middle">${tick}</text>`,
    );
  }
  for (const g of chart.groups) {
    out.push(`<text x="16" y="${y + 20}" font-size="14" font-weight="bold" fill="#24292f">${esc(g.title)}</text>`);
    y += GROUP_HEAD;
    for (const b of g.bars) {
      const by = y + (ROW - BAR) / 2;
      const w = Math.max(3, x(b.max) - x(b.min));
      const fill = `hsl(${b.hue}, 60%, ${b.highlight ? 42 : 62}%)`;
      const stroke = b.highlight ? ` stroke="#24292f" stroke-width="2"` : '';
      const bold = b.highlight ? ' font-weight="bold"' : '';
      const range = esc(`${money(b.min, chart.currency)} – ${money(b.max, chart.currency)}`);
      out.push(
        `<text x="${LABEL_W - 10}" y="${by + 14}" font-size="13" fill="#24292f" text-anchor="end"${bold}>` +
          `${esc(b.label)}</text>`,
      );
      out.push(
        `<rect class="bar" x="${x(b.min).toFixed(1)}" y="${by}" width="${w.toFixed(1)}" height="${BAR}" rx="4"` +
          ` fill="${fill}"${stroke}/>`,
      );
      out.push(`<text x="${x(b.max) + 8}" y="${by + 14}" font-size="12" fill="#24292f"${bold}>${range}</text>`);
      y += ROW;
    }
  }
  const subtitle = esc(`${chart.currency} per year; the bar you asked about is outlined`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}"` +
      ` viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">`,
    `<title>${esc(chart.alt)}</title>`,
    `<rect x="1" y="1" width="${WIDTH - 2}" height="${height - 2}" rx="10"` +
      ` fill="#fbfbfc" stroke="#8c959f" stroke-width="2"/>`,
    `<text x="16" y="32" font-size="18" font-weight="bold" fill="#24292f">${esc(chart.title)}</text>`,
    `<text x="16" y="50" font-size="12" fill="#57606a">${subtitle}</text>`,
    ...out,
    `<text x="16" y="${height - 14}" font-size="11" fill="#57606a">${esc(`Source: ${chart.footer}`)}</text>`,
    '</svg>',
  ].join('\n');
}

function short(v: number, currency: string): string {
  return v >= 1000 ? `${money(v / 1000, currency)}k` : money(v, currency);
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
