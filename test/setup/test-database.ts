import { Socket } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL the store tests use: TEST_DATABASE_URL, the server on the probe address, or an embedded one. */
    testDatabaseUrl: string;
  }
}

/** Where a developer's or CI's own PostgreSQL is looked for; TEST_DATABASE_PROBE points it elsewhere (host:port). */
export function probeAddress(env: NodeJS.ProcessEnv = process.env): { host: string; port: number } {
  const probe = env.TEST_DATABASE_PROBE ?? '127.0.0.1:5432';
  const match = /^(.+):(\d+)$/.exec(probe);
  if (!match) throw new Error(`TEST_DATABASE_PROBE must be host:port, got ${JSON.stringify(probe)}`);
  return { host: match[1]!, port: Number(match[2]) };
}

/** True when something accepts a TCP connection at host:port within a second. */
export function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

/**
 * Vitest globalSetup: a configured server (TEST_DATABASE_URL) or one already running on the probe address is
 * used as is; otherwise a throwaway PostgreSQL is started for this run and removed afterwards.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) {
    project.provide('testDatabaseUrl', configured);
    return undefined;
  }
  const { host, port } = probeAddress();
  if (await answers(host, port)) {
    project.provide('testDatabaseUrl', `postgres://postgres@${host}:${port}/test`);
    return undefined;
  }
  const started = Date.now();
  const server = await startEmbeddedPostgres();
  console.log(
    `nothing on ${host}:${port} and no TEST_DATABASE_URL: ` +
      `started a throwaway PostgreSQL at ${server.url} in ${Date.now() - started} ms`,
  );
  // Child processes the tests spawn (the CLI) read the environment, not vitest's provide().
  process.env.TEST_DATABASE_URL = server.url;
  project.provide('testDatabaseUrl', server.url);
  return async () => {
    const stopping = Date.now();
    await server.stop();
    delete process.env.TEST_DATABASE_URL;
    console.log(`stopped the throwaway PostgreSQL in ${Date.now() - stopping} ms`);
  };
}
