#!/bin/sh
# Shrinks an installed node_modules to what the bot runs: production
# dependencies only, and of better-sqlite3 only its compiled addon and its
# JavaScript (its SQLite sources, object files and makefiles are build
# leftovers, about 27 MB). Used by the Dockerfile and by the test that starts
# the production file set (test/ops/production-copy.test.ts), so both see the
# same files. Run in the folder holding package.json and node_modules.
set -eu
npm prune --omit=dev --no-audit --no-fund >/dev/null
sqlite=node_modules/better-sqlite3
if [ -d "$sqlite" ]; then
  addon="$sqlite/build/Release/better_sqlite3.node"
  [ -f "$addon" ] || { echo "prune-runtime: $addon is missing; was better-sqlite3 built?" >&2; exit 1; }
  tmp="$(mktemp)"
  cp "$addon" "$tmp"
  rm -rf "$sqlite/deps" "$sqlite/src" "$sqlite/build" "$sqlite/binding.gyp"
  mkdir -p "$sqlite/build/Release"
  mv "$tmp" "$addon"
  chmod 0644 "$addon"
fi
# Type declarations, source maps and docs of dependencies are not run.
find node_modules \( -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.map' -o -name '*.md' \) -type f -delete
