import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSurface } from '../../src/adapters/slack/slack-surface.js';
import { envelope } from '../helpers/messages.js';
import { createBot } from '../../src/core/bot.js';
import type { IncomingMessage } from '../../src/core/message.js';
import { renderText } from '../../src/core/render-text.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { shippedContent } from '../helpers/content.js';
import { postgresDatabase, type TestDatabase } from './backends.js';

describe('two bot processes on one PostgreSQL', () => {
  let db: TestDatabase;
  const stores: TipStore[] = [];
  beforeAll(async () => {
    db = await postgresDatabase();
    stores.push(await db.open(), await db.open());
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await db.drop();
  });

  const msg = (text: string): IncomingMessage => ({
    ...envelope('slack', { channel: 'C1', user: { id: 'U1' } }),
    conversation: { platform: 'slack', workspace: 'T1', channel: 'C1', thread: '1700000000.000100', user: 'U1' },
    kind: 'question',
    via: 'mention',
    text,
  });

  it('continue one conversation, whichever replica gets each message', async () => {
    const [a, b] = stores.map((s) =>
      createBot({ content: shippedContent(), contexts: s.contexts(), surface: slackSurface }),
    );
    await a!.handle(msg('compare a knowledge graph engineer with a language AI engineer'));
    const pay = await b!.handle(msg('how do their skills differ?'));
    expect(pay).toMatchObject({
      intent: 'compare',
      roles: ['knowledge-graph-engineer', 'language-ai-engineer'],
      section: 'skills',
    });
    const second = await a!.handle(msg('tell me more about the second one'));
    expect(renderText(second).split('\n')[0]).toBe('Language AI Engineer · Overview');
  });
});
