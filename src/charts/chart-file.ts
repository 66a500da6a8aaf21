import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PayChart } from '../core/chart/pay-chart.js';
import { renderChart } from './render-chart.js';

/** Writes a chart as PNG under the system's temp folder (the console has no pictures) and returns its path. */
export async function writeChartFile(chart: PayChart, dir = path.join(tmpdir(), 'career-bot-charts')): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${chart.key.replace(/[^a-z0-9-]+/g, '-')}.png`);
  await writeFile(file, await renderChart(chart));
  return file;
}
