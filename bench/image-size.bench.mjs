#!/usr/bin/env node
// The files the container image adds to its Node base, measured without
// Docker: the production file set as deploy/production-copy.mjs lays it out
// (the Dockerfile's prune), against the previous Dockerfile's set (the same
// files with a plain `npm prune --omit=dev`: SQLite sources and build
// leftovers, type declarations and docs kept). Build first: npm run build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { productionCopy, RUNTIME_FILES } from '../deploy/production-copy.mjs';
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const du = (dir, apparent) =>
  Number(
    execFileSync('du', ['-s', '--block-size=1', ...(apparent ? ['--apparent-size'] : []), dir])
      .toString()
      .split('\t')[0],
  );
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

const now = productionCopy(mkdtempSync(path.join(tmpdir(), 'career-bot-image-')));
const before = mkdtempSync(path.join(tmpdir(), 'career-bot-image-before-'));
for (const entry of RUNTIME_FILES)
  cpSync(path.join(ROOT, entry), path.join(before, entry), { recursive: true, verbatimSymlinks: true });
execFileSync('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], { cwd: before, stdio: 'ignore' });

console.log('files the image adds to node:*-bookworm-slim (on disk / apparent size):');
console.log(`  previous Dockerfile (npm prune --omit=dev only): ${mb(du(before))} / ${mb(du(before, true))}`);
console.log(`  now (deploy/prune-runtime.sh):                    ${mb(du(now))} / ${mb(du(now, true))}`);
console.log(
  `  of which node_modules now:                        ${mb(du(path.join(now, 'node_modules')))} ` +
    `/ ${mb(du(path.join(now, 'node_modules'), true))}`,
);
rmSync(now, { recursive: true, force: true });
rmSync(before, { recursive: true, force: true });
