import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger.js';
import { listenError } from './startup-errors.js';
import type { OpsRoutes } from './ops-routes.js';

export interface OpsServer {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * The probes' own server, for the modes where no Slack receiver listens on
 * PORT (Socket Mode, Discord only). Anything but the ops paths is a 404.
 */
export async function startOpsServer(o: { port: number; routes: OpsRoutes; logger: Logger }): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    if (!o.routes(req, res)) {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(listenError(err, o.port)));
    server.listen(o.port, () => {
      server.removeAllListeners('error');
      server.on('error', (err) => o.logger.error({ err }, 'ops server error'));
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  o.logger.info({ port, component: 'ops' }, 'probes and metrics listening');
  let stopping: Promise<void> | undefined;
  return {
    port,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
