import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotMetrics } from './metrics.js';
import type { Readiness } from './readiness.js';

/** Answers the request and returns true when it is one of ours; false leaves it to the caller. */
export type OpsRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

/**
 * The contract's probe and metrics paths, as a handler that both the Slack
 * receiver (HTTP mode, one port) and the bot's own small server (Socket Mode,
 * Discord-only) put in front of everything else.
 */
export function opsRoutes(o: { readiness: Readiness; metrics?: BotMetrics }): OpsRoutes {
  return (req, res) => {
    const method = req.method?.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return false;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') {
      send(res, 200, 'application/json', '{"status":"ok"}');
      return true;
    }
    if (path === '/readyz') {
      void answer(res, async () => {
        const r = await o.readiness.report();
        recordChecks(o.metrics, r.checks);
        return r.ready
          ? [200, 'application/json', JSON.stringify({ status: 'ready' })]
          : [503, 'application/json', JSON.stringify({ status: 'not ready', notReady: r.notReady })];
      });
      return true;
    }
    if (path === '/metrics' && o.metrics) {
      const metrics = o.metrics;
      void answer(res, async () => {
        recordChecks(metrics, (await o.readiness.report()).checks);
        return [200, metrics.registry.contentType, await metrics.registry.metrics()];
      });
      return true;
    }
    return false;
  };
}

function recordChecks(metrics: BotMetrics | undefined, checks: Record<string, boolean>): void {
  for (const [check, ok] of Object.entries(checks)) metrics?.ready.set({ check }, ok ? 1 : 0);
}

async function answer(res: ServerResponse, build: () => Promise<[number, string, string]>): Promise<void> {
  try {
    send(res, ...(await build()));
  } catch (err) {
    send(res, 500, 'application/json', JSON.stringify({ status: 'error', error: (err as Error).message }));
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(res.req.method?.toUpperCase() === 'HEAD' ? undefined : body);
}
