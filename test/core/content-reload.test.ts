import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startContentReloader, type ContentReloader } from '../../src/cli/content-reloader.js';
import { createBot } from '../../src/core/bot.js';
import { createLiveBot, type LiveBot } from '../../src/core/content/live-bot.js';
import { loadContent } from '../../src/core/content/load-content.js';
import type { Content } from '../../src/core/content/types.js';
import { renderText } from '../../src/core/render-text.js';
import { memoryLogger } from '../discord/memory-logger.js';

/** A one-role folder whose title and overview carry a version mark. */
function roleFile(version: string): string {
  return `---\nid: harbour-pilot\ntitle: Harbour Pilot ${version}\naliases: []\n---\n\n## Overview\n\nGuides ships into port, edition ${version}.\n\n## Skills\n\n- Tides and charts, edition ${version}.\n`;
}

function folder(version: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-bot-reload-'));
  mkdirSync(path.join(dir, 'roles'));
  writeFileSync(path.join(dir, 'roles', 'harbour-pilot.md'), roleFile(version));
  return dir;
}

function load(dir: string): Content {
  const r = loadContent(dir);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.content;
}

const dirs: string[] = [];
const reloaders: ContentReloader[] = [];
afterEach(async () => {
  for (const r of reloaders.splice(0)) await r.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setUp(watchFiles = false) {
  const dir = folder('one');
  dirs.push(dir);
  const logger = memoryLogger();
  const bot = createLiveBot((c) => createBot({ content: c, surface: consoleSurface }), load(dir));
  const reloader = startContentReloader({ dir, bot, logger, watchFiles, debounceMs: 50 });
  reloaders.push(reloader);
  return { dir, logger, bot, reloader };
}

const overview = (bot: LiveBot) => renderText(bot.answer('harbour pilot').reply);

describe('content reload', () => {
  it('picks up a valid change on reload', () => {
    const { dir, bot, reloader } = setUp();
    expect(overview(bot)).toContain('edition one');
    writeFileSync(path.join(dir, 'roles', 'harbour-pilot.md'), roleFile('two'));
    expect(reloader.reload()).toBe(true);
    expect(overview(bot)).toContain('edition two');
    expect(bot.content.roles[0]!.title).toBe('Harbour Pilot two');
  });

  it('reloads on SIGHUP', async () => {
    const { dir, bot } = setUp();
    writeFileSync(path.join(dir, 'roles', 'harbour-pilot.md'), roleFile('two'));
    process.kill(process.pid, 'SIGHUP');
    await expect.poll(() => overview(bot)).toContain('edition two');
  });

  it('with CONTENT_WATCH, reloads when a file changes', async () => {
    const { dir, bot } = setUp(true);
    writeFileSync(path.join(dir, 'roles', 'harbour-pilot.md'), roleFile('three'));
    await expect.poll(() => overview(bot), { timeout: 5000 }).toContain('edition three');
  });

  it('refuses an invalid change, keeps answering from the old content and logs file, line and field', () => {
    const { dir, bot, reloader, logger } = setUp();
    const file = path.join(dir, 'roles', 'harbour-pilot.md');
    writeFileSync(file, '---\nid: harbour-pilot\ntitle: 42\naliases: not-a-list\n---\n\n## Overview\n\nBroken.\n');
    expect(reloader.reload()).toBe(false);
    expect(overview(bot)).toContain('edition one');
    const problems = logger.entries.filter((e) => e.level === 'error');
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.some((e) => e.obj.file === file && typeof e.obj.line === 'number' && e.obj.line > 1 && e.obj.field),
    ).toBe(true);
  });

  it('never mixes old and new content in one answer while reloading under concurrent questions', async () => {
    const { bot } = setUp();
    const one = load(folder('one'));
    const two = load(folder('two'));
    dirs.push(one.dir, two.dir);
    const seen: string[] = [];
    const asks = Array.from(
      { length: 400 },
      (_, i) =>
        new Promise<void>((resolve) =>
          setImmediate(() => {
            if (i % 7 === 0) bot.replace(i % 14 === 0 ? two : one);
            const a = bot.answer(i % 2 ? 'harbour pilot skills' : 'harbour pilot');
            const text = `${a.reply.title ?? ''} ${renderText(a.reply)}`;
            const versions = new Set([...text.matchAll(/\b(?:Pilot|edition) (one|two)\b/g)].map((m) => m[1]));
            seen.push([...versions].join('+'));
            resolve();
          }),
        ),
    );
    await Promise.all(asks);
    expect(seen.filter((v) => v.includes('+'))).toEqual([]);
    expect(new Set(seen)).toEqual(new Set(['one', 'two']));
  });
});

describe('CONTENT_WATCH', () => {
  it('is off by default, on with 1, and refuses other values by name', async () => {
    const { parseConfig } = await import('../../src/config.js');
    const off = parseConfig({});
    const on = parseConfig({ CONTENT_WATCH: '1' });
    const bad = parseConfig({ CONTENT_WATCH: 'yes please' });
    expect(off.ok && off.config.CONTENT_WATCH).toBe(false);
    expect(on.ok && on.config.CONTENT_WATCH).toBe(true);
    expect(bad.ok ? [] : bad.errors).toEqual([expect.stringMatching(/^CONTENT_WATCH: CONTENT_WATCH must be 1 or 0/)]);
  });
});
