import type { ServerOptions } from 'node:http';

/**
 * Open connections the Slack receiver accepts at most; above it Node closes
 * new sockets at once. Keeps file descriptors for the store and the Web API
 * under a typical `ulimit -n` of 1,024, whatever a flood of idle or slow
 * clients does.
 */
export const MAX_CONNECTIONS = 800;

/**
 * Timeouts that free a connection held by a slow or silent client within
 * seconds (Node's defaults: 60 s for headers, 300 s for a request). Slack
 * sends a request in one go, so a few seconds is generous.
 */
export const SERVER_OPTIONS: ServerOptions = {
  /** Whole header block, from the first byte. */
  headersTimeout: 5_000,
  /** Whole request, body included. */
  requestTimeout: 10_000,
  /**
   * An idle kept-alive connection closes after this. Node's default, kept
   * explicit: a load balancer in front must hold idle upstream connections
   * for less than this or retry on a closed one (see README, "Limits and
   * overload").
   */
  keepAliveTimeout: 5_000,
  /** How often Node checks the two timeouts above (default 30 s, which would let a slow client stay 35 s). */
  connectionsCheckingInterval: 1_000,
};
