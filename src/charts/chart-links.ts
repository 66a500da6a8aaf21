import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Bot } from '../core/bot.js';
import { chartForKey, type PayChart } from '../core/chart/pay-chart.js';
import type { Content } from '../core/content/types.js';
import type { Reply } from '../core/reply.js';
import type { OpsRoutes } from '../ops/ops-routes.js';
import { renderChart } from './render-chart.js';

const PATH = /^\/charts\/([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{22})\.png$/;
/** A key's picture changes only when the content's figures do (a release), so a day's caching is safe. */
const CACHE = 'public, max-age=86400';

export interface ChartLinks {
  /** The chart's public URL: PUBLIC_URL + /charts/<key>.<signature>.png. */
  urlOf(chart: PayChart): string;
  /** Serves GET /charts/… for signed names only; false for every other path. */
  route: OpsRoutes;
}

/**
 * Chart pictures served by the bot's own HTTP server, for platforms that
 * show images by URL (Slack's image block). A name is the chart's key and an
 * HMAC of it, so only charts the bot made can be fetched and none can be
 * guessed; any replica with the same secret serves any link, rebuilding the
 * chart from the key and the content it runs.
 */
export function createChartLinks(o: {
  publicUrl: string;
  secret: string | undefined;
  content: () => Content;
}): ChartLinks {
  const key = createHmac('sha256', o.secret ?? randomBytes(32))
    .update('career-bot chart links')
    .digest();
  const sign = (k: string) => createHmac('sha256', key).update(k).digest('base64url').slice(0, 22);
  const base = o.publicUrl.replace(/\/+$/, '');
  return {
    urlOf: (chart) => `${base}/charts/${Buffer.from(chart.key).toString('base64url')}.${sign(chart.key)}.png`,
    route: (req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith('/charts/')) return false;
      const m = PATH.exec(path);
      const chartKey = m ? Buffer.from(m[1]!, 'base64url').toString('utf8') : '';
      const signed = m !== null && timingSafeEqual(Buffer.from(sign(chartKey)), Buffer.from(m[2]!));
      const chart =
        signed && (req.method === 'GET' || req.method === 'HEAD') ? chartForKey(o.content(), chartKey) : null;
      if (!chart) {
        res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('not found');
        return true;
      }
      renderChart(chart).then(
        (png) =>
          res
            .writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': CACHE })
            .end(req.method === 'HEAD' ? undefined : png),
        () => res.writeHead(500, { 'cache-control': 'no-store' }).end(),
      );
      return true;
    },
  };
}

/** The bot, with every reply's chart given its public URL (the adapter then shows it by URL). */
export function withChartUrls(bot: Bot, links: ChartLinks): Bot {
  const linked = (reply: Reply): Reply =>
    reply.chart ? { ...reply, chart: { ...reply.chart, url: links.urlOf(reply.chart) } } : reply;
  return {
    get content() {
      return bot.content;
    },
    get reader() {
      return bot.reader;
    },
    answer: (text, surface) => {
      const a = bot.answer(text, surface);
      return { ...a, reply: linked(a.reply) };
    },
    converse: (text, slots, surface) => {
      const turn = bot.converse(text, slots, surface);
      return { ...turn, answer: { ...turn.answer, reply: linked(turn.answer.reply) } };
    },
    handle: async (message) => linked(await bot.handle(message)),
    suggestRoles: (partial, limit) => bot.suggestRoles(partial, limit),
  };
}
