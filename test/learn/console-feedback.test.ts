import { existsSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsoleChat } from '../../src/adapters/console/console-chat.js';
import { consoleSurface } from '../../src/adapters/console/console-surface.js';
import { createBot } from '../../src/core/bot.js';
import type { AnswerLog } from '../../src/core/feedback.js';
import { shippedContent } from '../helpers/content.js';

describe('console: + and - after an answer, and the chart path', () => {
  it('rates the last answer that takes votes, and prints where its pay chart was written', async () => {
    const votes: unknown[] = [];
    const answerLog: AnswerLog = { answered: async () => undefined, vote: async (v) => (votes.push(v), 'recorded') };
    const input = new PassThrough();
    const output = new PassThrough();
    let seen = '';
    output.on('data', (d: Buffer) => (seen += d.toString()));
    const session = startConsoleChat(
      createBot({ content: shippedContent(), surface: consoleSurface, answerLog }),
      input,
      output,
    );
    for (const line of ['senior ml systems engineer salary in austin', '-', 'help', '+']) input.write(`${line}\n`);
    input.end();
    await session.closed;
    const file = /Chart: (\S+\.png)/.exec(seen)?.[1];
    expect(file && existsSync(file)).toBe(true);
    expect(readFileSync(file!).subarray(1, 4).toString()).toBe('PNG');
    expect(seen).toContain('Was this helpful? Type + or -.');
    // Help takes no votes, so `+` still rates the pay answer.
    expect(votes).toEqual([
      {
        platform: 'console',
        workspace: null,
        user: 'console-user',
        helpful: false,
        target: { intent: 'salary', roles: ['ml-systems-engineer'], section: 'salary' },
      },
      {
        platform: 'console',
        workspace: null,
        user: 'console-user',
        helpful: true,
        target: { intent: 'salary', roles: ['ml-systems-engineer'], section: 'salary' },
      },
    ]);
  });
});
