import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import { renderChart } from '../../charts/render-chart.js';

/**
 * Without PUBLIC_URL, posts a reply's pay chart as a file (files.uploadV2) where the answer is
 * visible to everyone who sees the file: a DM, or a channel it was shared
 * to. Files cannot be ephemeral, so private answers in channels get none.
 * The answer is already posted: a failed upload is logged, not apologised for.
 */
export async function uploadChart(
  client: webApi.WebClient,
  where: { channel: string; thread_ts?: string },
  reply: Reply,
  log: Logger,
): Promise<void> {
  const chart = reply.chart;
  // A chart with a URL is already in the message as an image block.
  if (!chart || chart.url) return;
  try {
    const file = await renderChart(chart);
    const upload = {
      file,
      filename: `${chart.key.replace(/[^a-z0-9-]+/g, '-')}.png`,
      title: chart.title,
      alt_text: chart.alt.slice(0, 1000),
    };
    await (where.thread_ts
      ? client.files.uploadV2({ channel_id: where.channel, thread_ts: where.thread_ts, ...upload })
      : client.files.uploadV2({ channel_id: where.channel, ...upload }));
  } catch (err) {
    log.warn({ err, chart: chart.key }, 'slack: could not upload the pay chart');
  }
}
