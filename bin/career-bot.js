#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci`/`npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('career-bot: dist/ is missing; run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
// Node 20.12+ reads .env itself; a missing file is not an error.
try {
  process.loadEnvFile();
} catch {}
// A closed pipe (`career-bot ask --json < qs | head`) ends output, not in a crash.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
// Everything has been stopped by now; a library handle left open must not
// keep the process alive past its exit code.
setTimeout(() => process.exit(), 2000).unref();
