#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci`/`npm run build`).
//
// SIGTERM and SIGINT are trapped first, before anything loads, so a stop that
// arrives while the bot is still starting (a rolling deploy, a scaled-down
// replica) is a clean stop with exit 0. One-shot commands and the console
// chat hand the signals back to Node's default.
const signals = (() => {
  const names = ['SIGTERM', 'SIGINT'];
  let received;
  let resolve;
  const stopRequested = new Promise((r) => (resolve = r));
  const on = (name) => {
    received ??= name;
    resolve(name);
  };
  for (const name of names) process.on(name, on);
  return {
    stopRequested,
    release() {
      for (const name of names) process.off(name, on);
      if (received) process.kill(process.pid, received);
    },
  };
})();

// Anything not turned into a message on the way: one line, exit 1, no stack dump for operators.
const die = (err) => {
  process.stderr.write(`career-bot: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace')
    process.stderr.write(`${err?.stack ?? ''}\n`);
  process.exit(1);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

const { existsSync } = await import('node:fs');
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('career-bot: dist/ is missing; run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
// Node 20.12+ reads .env itself; a missing file is not an error.
try {
  process.loadEnvFile();
} catch {
  // No .env: the environment alone configures the bot.
}
// A closed pipe (`career-bot ask --json < qs | head`) ends output, not in a crash.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
try {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signals,
  });
} catch (err) {
  die(err);
}
// Everything has been stopped by now; a library handle left open must not
// keep the process alive past its exit code.
setTimeout(() => process.exit(), 2000).unref();
