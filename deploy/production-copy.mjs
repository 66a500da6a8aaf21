#!/usr/bin/env node
// Lays out the files the container runs (the Dockerfile's final stage) in a
// folder, without Docker: package files, bin/, content/, the compiled dist/,
// and node_modules pruned by deploy/prune-runtime.sh. node_modules is copied
// from this checkout's install (built better-sqlite3 included) rather than
// installed afresh, because `npm ci` here would need better-sqlite3's prebuilt
// addon or Node's headers from the network; prune-runtime.sh then runs the
// same `npm prune --omit=dev` and clean-up as the image build.
//
// Usage: node deploy/production-copy.mjs DEST   (after `npm run build`)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RUNTIME_FILES = ['package.json', 'package-lock.json', 'bin', 'content', 'dist', 'node_modules'];

/** Copies the production file set into `dest` and prunes it; returns `dest`. */
export function productionCopy(dest) {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  mkdirSync(dest, { recursive: true });
  for (const entry of RUNTIME_FILES)
    cpSync(path.join(ROOT, entry), path.join(dest, entry), { recursive: true, verbatimSymlinks: true });
  execFileSync('sh', [path.join(ROOT, 'deploy', 'prune-runtime.sh')], {
    cwd: dest,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dest = process.argv[2];
  if (!dest) {
    process.stderr.write('usage: node deploy/production-copy.mjs DEST\n');
    process.exit(2);
  }
  process.stdout.write(`${productionCopy(path.resolve(dest))}\n`);
}
