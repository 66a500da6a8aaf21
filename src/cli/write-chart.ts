import { writeFile } from 'node:fs/promises';
import type { Bot } from '../core/bot.js';
import { EMPTY_SLOTS } from '../core/conversation/slots.js';
import { renderChart } from '../charts/render-chart.js';

/** `ask --chart FILE TEXT`: writes the answer's chart as PNG; false (said on stderr) when the answer has none. */
export async function writeChart(
  bot: Bot,
  text: string,
  file: string,
  stderr: NodeJS.WritableStream,
): Promise<boolean> {
  const chart = bot.converse(text, EMPTY_SLOTS).answer.reply.chart;
  if (!chart) {
    stderr.write(
      'career-bot: that answer has no chart (charts come with pay answers and comparisons of roles with pay figures)\n',
    );
    return false;
  }
  await writeFile(file, await renderChart(chart));
  return true;
}
