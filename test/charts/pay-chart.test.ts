import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { payChartSvg } from '../../src/charts/pay-chart-svg.js';
import { rasterise, renderChart } from '../../src/charts/render-chart.js';
import { compareChart, salaryChart } from '../../src/core/chart/pay-chart.js';
import type { Role } from '../../src/core/content/types.js';
import { shippedContent } from '../helpers/content.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const role = () => shippedContent().roleById.get('ml-systems-engineer')!;
const bars = (svg: string) => [...svg.matchAll(/<rect class="bar"[^>]*>/g)].map((m) => m[0]);

/** RGBA pixels of a PNG, decoded by resvg itself (an SVG holding only the image). */
function pixelsOf(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const w = png.readUInt32BE(16);
  const h = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><image href="data:image/png;base64,${png.toString('base64')}" width="${w}" height="${h}"/></svg>`;
  const r = new Resvg(svg).render();
  return { width: r.width, height: r.height, pixels: Buffer.from(r.pixels) };
}

describe('pay charts', () => {
  it('draws every level and every city as a bar on one axis, the asked-for ones outlined', () => {
    const chart = salaryChart(role(), 'senior', 'seattle')!;
    const svg = payChartSvg(chart);
    const drawn = bars(svg);
    const s = role().salary!;
    expect(drawn).toHaveLength(Object.keys(s.levels).length + Object.keys(s.locations).length);
    expect(drawn.filter((b) => b.includes('stroke='))).toHaveLength(2);
    expect(svg).toContain(`${s.source} · ${s.region}, ${s.year}`);
    expect(chart.alt).toContain('Senior $153,000 – $267,000 (asked)');
    expect(chart.alt).toContain('Seattle, WA $150,000 – $174,000 (asked)');
  });

  it('renders a PNG at twice the SVG size, and the cache answers the same picture', async () => {
    const chart = salaryChart(role(), null, 'chicago')!;
    const png = await renderChart(chart);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const svgWidth = Number(/width="(\d+)"/.exec(payChartSvg(chart))![1]);
    expect(png.readUInt32BE(16)).toBe(svgWidth * 2);
    expect(png.length).toBeGreaterThan(10_000);
    expect(await renderChart(chart)).toBe(png);
  });

  it('matches the golden image within a tolerance (fonts may anti-alias differently)', () => {
    const golden = pixelsOf(
      readFileSync(new URL('../fixtures/charts/ml-systems-engineer-senior-seattle.png', import.meta.url)),
    );
    const fresh = pixelsOf(rasterise(payChartSvg(salaryChart(role(), 'senior', 'seattle')!)));
    expect([fresh.width, fresh.height]).toEqual([golden.width, golden.height]);
    let differing = 0;
    for (let i = 0; i < golden.pixels.length; i += 4) {
      const d = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(golden.pixels[i + c]! - fresh.pixels[i + c]!)));
      if (d > 48) differing++;
    }
    expect(differing / (golden.pixels.length / 4)).toBeLessThan(0.02);
  });

  it('a golden comparison notices a changed chart', () => {
    const golden = pixelsOf(
      readFileSync(new URL('../fixtures/charts/ml-systems-engineer-senior-seattle.png', import.meta.url)),
    );
    const other = pixelsOf(rasterise(payChartSvg(salaryChart(role(), 'entry', 'austin')!)));
    let differing = 0;
    for (let i = 0; i < golden.pixels.length; i += 4)
      if (Math.abs(golden.pixels[i]! - other.pixels[i]!) > 48) differing++;
    expect(differing).toBeGreaterThan(500);
  });

  it('compares roles by level when two or more have figures, and not otherwise', () => {
    const a = role();
    const b: Role = { ...a, id: 'data-platform-engineer', title: 'Data Platform Engineer' };
    const noPay: Role = { ...a, id: 'x', salary: undefined };
    const chart = compareChart([a, b, noPay], 'mid')!;
    expect(chart.groups.map((g) => g.title)).toEqual(['ML Systems Engineer', 'Data Platform Engineer']);
    expect(bars(payChartSvg(chart))).toHaveLength(6);
    expect(compareChart([a, noPay], null)).toBeNull();
  });

  it('a role without pay figures has no chart', () => {
    expect(salaryChart({ ...role(), salary: undefined }, null, null)).toBeNull();
  });
});
