import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBot, type Bot } from '../../src/core/bot.js';
import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import { loadContent } from '../../src/core/content/load-content.js';
import type { Content } from '../../src/core/content/types.js';

export const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

let shipped: Content | undefined;

/** The shipped content, loaded once per test file. */
export function shippedContent(): Content {
  if (!shipped) {
    const result = loadContent(CONTENT_DIR);
    if (!result.ok) throw new Error(`shipped content is invalid: ${JSON.stringify(result.problems)}`);
    shipped = result.content;
  }
  return shipped;
}

export function shippedBot(clock?: () => Date): Bot {
  return createBot({ surface: consoleSurface, content: shippedContent(), ...(clock ? { clock } : {}) });
}

/** A temp copy of the shipped content, for tests that break one file. */
export function contentCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-content-'));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  return dir;
}

export function editFile(file: string, edit: (text: string) => string): void {
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

/** A fresh content folder holding only these role files (name -> text). */
export function rolesFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-roles-'));
  mkdirSync(path.join(dir, 'roles'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'roles', name), text);
  return dir;
}
