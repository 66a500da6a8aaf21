import { discordSurface } from '../../src/adapters/discord/discord-surface.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { loadContent } from '../../src/core/content/load-content.js';
import { startHarness, type Harness } from './adapter-harness.js';
import { roleAutocomplete } from './payloads.js';

const WORDS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'kilo',
  'lima',
  'mike',
  'november',
  'oscar',
  'papa',
  'quebec',
  'romeo',
  'sierra',
  'tango',
];
const ROLES = 40;

let dir: string;
let h: Harness;

/**
 * A content folder with 40 roles whose titles all share "Platform Engineer", several near the 80-character
 * title cap.
 */
function writeContent(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'career-bot-many-roles-'));
  mkdirSync(path.join(root, 'roles'));
  for (let i = 0; i < ROLES; i++) {
    const word = `${WORDS[i % WORDS.length]}${i >= WORDS.length ? ' prime' : ''}`;
    const id = `${word.replace(/ /g, '-')}-platform-engineer`;
    const title =
      `${word[0]!.toUpperCase()}${word.slice(1)} Platform Engineer${i % 3 === 0 ? ' for Large Distributed Streaming and Batch Data Systems' : ''}`.slice(
        0,
        80,
      );
    writeFileSync(
      path.join(root, 'roles', `${id}.md`),
      `---\nid: ${id}\ntitle: ${title}\n---\n\n## Overview\n\nRuns the ${word} platform.\n\n## Skills\n\n- Kubernetes\n`,
    );
  }
  return root;
}

beforeAll(async () => {
  dir = writeContent();
  const loaded = loadContent(dir);
  if (!loaded.ok) throw new Error(`test content does not load: ${JSON.stringify(loaded.problems)}`);
  expect(loaded.content.roles.length).toBe(ROLES);
  h = await startHarness(createBot({ surface: discordSurface, content: loaded.content }), { deferAfterMs: 2000 });
});

afterAll(async () => {
  await h?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('autocomplete with more roles than Discord shows', () => {
  it.each(['', 'platform', 'platform engineer', 'platfrom enginer', 'Engineer for Large'])(
    'answers %j with at most 25 choices, names within 100 characters',
    async (typed) => {
      const cb = await h.interact(roleAutocomplete(typed));
      expect(cb.body.type).toBe(8);
      const choices: { name: string; value: string }[] = cb.body.data.choices;
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    },
  );

  it('fills the 25 when that many roles match', async () => {
    const cb = await h.interact(roleAutocomplete('platform engineer'));
    expect(cb.body.data.choices.length).toBe(25);
  });
});
