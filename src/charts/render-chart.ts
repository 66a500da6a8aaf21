import { createRequire } from 'node:module';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import type { PayChart } from '../core/chart/pay-chart.js';
import { payChartSvg } from './pay-chart-svg.js';

/** Distinct charts kept rendered: roles × (levels + 1) × (cities + 1) is small; this bounds a huge catalog. */
const CACHE_SIZE = 512;
const cache = new Map<string, Promise<Buffer>>();

// resvg is a native module (prebuilt per platform, from npm); loaded on the
// first chart so a bot that never draws one never holds it.
const load = createRequire(import.meta.url);
let Resvg: typeof ResvgClass | undefined;

/** PNG of the SVG at twice its size, so it stays sharp on high-density screens. */
export function rasterise(svg: string): Buffer {
  Resvg ??= (load('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
}

/** The chart as PNG, rendered once per key (role, level and city) and then served from memory. */
export function renderChart(chart: PayChart): Promise<Buffer> {
  let png = cache.get(chart.key);
  if (png) {
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(chart.key);
    cache.set(chart.key, png);
    return png;
  }
  png = Promise.resolve().then(() => rasterise(payChartSvg(chart)));
  png.catch(() => cache.delete(chart.key));
  cache.set(chart.key, png);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return png;
}

/** Empties the cache (benchmarks measure cold renders). */
export function clearChartCache(): void {
  cache.clear();
}
