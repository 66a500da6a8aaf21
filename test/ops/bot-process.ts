import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { freePort } from '../helpers/free-port.js';
import { captureChild, registerSecretsIn } from '../helpers/log-sink.js';

export { freePort };

export const BIN = fileURLToPath(new URL('../../bin/career-bot.js', import.meta.url));

export interface BotProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly port: number;
  log(): string;
  /** Resolves when stderr contains `text`; rejects if the process exits first. */
  waitForLog(text: string): Promise<void>;
  exited: Promise<number | null>;
  probe(pathname: string): Promise<{ status: number; body: string }>;
  /** Probes until `accept` passes (the process is starting or stopping). */
  probeUntil(
    pathname: string,
    accept: (r: { status: number; body: string }) => boolean,
    timeoutMs?: number,
  ): Promise<{ status: number; body: string }>;
}

/** The real bin as an operator runs it, with only the given environment; its stderr and stdout go to the log scan. */
export async function startBot(
  env: Record<string, string>,
  o: { bin?: string; cwd?: string; command?: string[]; spawnVia?: string[] } = {},
): Promise<BotProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'career-bot-ops-'));
  const argv = [process.execPath, o.bin ?? BIN, ...(o.command ?? [])];
  const [cmd, ...args] = [...(o.spawnVia ?? []), ...argv];
  registerSecretsIn(env);
  const child = spawn(cmd!, args, {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(o.cwd ? { cwd: o.cwd } : {}),
  });
  captureChild(child);
  let log = '';
  const listeners = new Set<() => void>();
  child.stderr.on('data', (d: Buffer) => {
    log += d.toString();
    for (const l of listeners) l();
  });
  child.stdout.on('data', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const probe = async (pathname: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${pathname}`);
    return { status: res.status, body: await res.text() };
  };
  return {
    child,
    port,
    log: () => log,
    exited,
    probe,
    waitForLog: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!log.includes(text)) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        void exited.then((code) => reject(new Error(`exited ${code} before "${text}":\n${log}`)));
        check();
      }),
    async probeUntil(pathname, accept, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      let last: unknown;
      while (Date.now() < until) {
        try {
          const r = await probe(pathname);
          if (accept(r)) return r;
          last = r;
        } catch (err) {
          last = err;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${pathname} never matched; last: ${JSON.stringify(last)}\n${log}`);
    },
  };
}
