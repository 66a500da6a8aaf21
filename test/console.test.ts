import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsoleChat } from '../src/adapters/console/console-chat.js';
import { consoleSurface } from '../src/adapters/console/console-surface.js';
import { shippedBot } from './helpers/content.js';

/** Drives the chat through its streams, as a person at a terminal would. */
async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (d: Buffer) => (seen += d.toString()));
  const session = startConsoleChat(shippedBot(), input, output);
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await session.closed;
  return seen;
}

describe('console chat', () => {
  it('answers slash commands, free questions and help like Slack or Discord would', async () => {
    const out = await chat([
      '/career ml systems engineer',
      '/career lab automation engineer skills',
      '/career',
      'help',
      'how much do ML systems engineers make in NYC?',
      'what degree does a knowledge graph engineer need?',
      'which role works with RDF and OWL?',
    ]);
    expect(out).toContain('ML Systems Engineer · Overview');
    expect(out).toContain('Laboratory Automation Engineer · Skills');
    expect(out).toContain('Roles I cover (5)');
    expect(out).toContain('How to ask career-bot');
    expect(out).toContain('New York City, NY: $143,000 – $185,000');
    expect(out).toContain('Knowledge Graph Engineer · Education');
    expect(out).toContain('Knowledge Graph Engineer · Overview');
    expect(out).toContain('More on this role: [1]');
  });

  it('follows a numbered choice like a button, and says when there is none', async () => {
    const out = await chat(['/career llm sme', '1', '99']);
    expect(out).toContain('Large Language Model SME · Responsibilities');
    expect(out).toContain('There is no choice 99');
  });

  it('stops on quit, answering nothing after it', async () => {
    const out = await chat(['quit', 'ml systems engineer']);
    expect(out).not.toContain('ML Systems Engineer');
  });
});

describe('console chat conversation', () => {
  it('holds a conversation: follow-ups keep the role, level and city they do not replace', async () => {
    const { createBot } = await import('../src/core/bot.js');
    const { createMemoryContextStore } = await import('../src/core/conversation/memory-context-store.js');
    const { shippedContent } = await import('./helpers/content.js');
    const input = new PassThrough();
    const output = new PassThrough();
    let seen = '';
    output.on('data', (d: Buffer) => (seen += d.toString()));
    const session = startConsoleChat(
      createBot({ content: shippedContent(), contexts: createMemoryContextStore(), surface: consoleSurface }),
      input,
      output,
    );
    for (const line of [
      'entry level ml systems engineer pay in austin',
      'and in chicago?',
      'compare that with a knowledge graph engineer',
    ])
      input.write(`${line}\n`);
    input.end();
    await session.closed;
    expect(seen).toContain('Chicago, IL: $164,000');
    expect(seen).toContain('ML Systems Engineer vs Knowledge Graph Engineer · Salary');
  });
});
