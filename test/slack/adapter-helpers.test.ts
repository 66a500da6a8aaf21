import { describe, expect, it } from 'vitest';
import { createAnswerTurns } from '../../src/adapters/slack/guard.js';
import { channelKind, cleanText } from '../../src/adapters/slack/incoming.js';
import { decodeSource, encodeSource, sourceOfText } from '../../src/adapters/slack/reply-source.js';
import type { Reply } from '../../src/core/reply.js';
import { command, envelope, question } from '../helpers/messages.js';

describe('createAnswerTurns', () => {
  it('gives each waiter its own event-loop turn, in arrival order', async () => {
    const turn = createAnswerTurns();
    const order: string[] = [];
    const first = turn().then(() => {
      order.push('first');
      // Anything queued during the first answer (an I/O callback, say) runs before the second.
      setImmediate(() => order.push('between'));
    });
    const second = turn().then(() => order.push('second'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'between', 'second']);
  });
});

describe('createAnswerTurns under a burst', () => {
  it('holds answers while acks keep arriving, then runs them in order', async () => {
    const turn = createAnswerTurns(5, 1000);
    const order: string[] = [];
    const first = turn().then(() => order.push('answer 1'));
    // More acks arrive 2 ms apart: the receiver is busy, so no answer starts yet.
    for (let i = 0; i < 3; i += 1) {
      await new Promise((r) => setTimeout(r, 2));
      order.push(`ack ${i + 2}`);
      void turn().then(() => order.push(`answer ${i + 2}`));
    }
    await first;
    await turn();
    expect(order.slice(0, 4)).toEqual(['ack 2', 'ack 3', 'ack 4', 'answer 1']);
    expect(order.slice(4)).toEqual(['answer 2', 'answer 3', 'answer 4']);
  });

  it('never starves an answer under steady traffic: it waits at most maxWaitMs', async () => {
    const turn = createAnswerTurns(50, 20);
    const started = performance.now();
    const answered = turn();
    const noise = setInterval(() => void turn(), 5);
    await answered;
    clearInterval(noise);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('cleanText', () => {
  it.each([
    ['<@UBOT> knowledge graph engineer', 'knowledge graph engineer'],
    ['what does <@UBOT|career-bot> say about R&amp;D &lt;teams&gt;?', 'what does say about R&D <teams>?'],
    ['  <@UOTHER>   llm   sme ', '<@UOTHER> llm sme'],
  ])('%j -> %j', (raw, clean) => {
    expect(cleanText(raw, 'UBOT')).toBe(clean);
  });
});

describe('channelKind', () => {
  it('treats D channels as DMs and the rest as shared', () => {
    expect([channelKind('D123'), channelKind('C123'), channelKind('G123')]).toEqual(['dm', 'channel', 'channel']);
  });
});

describe('reply sources', () => {
  const reply: Reply = {
    intent: 'role',
    title: 't',
    blocks: [],
    choices: [],
    private: false,
    role: 'llm-sme',
    section: 'skills',
  };

  it('round-trips text and actions', () => {
    for (const source of [
      { kind: 'text', text: 'llm sme: skills | more' },
      { kind: 'action', action: { type: 'section', role: 'llm-sme', section: 'trends' } },
    ] as const) {
      expect(decodeSource(encodeSource(source)!)).toEqual(source);
    }
    expect(decodeSource('x:nonsense')).toBeNull();
    expect(decodeSource('a:s:../../etc:skills')).toBeNull();
  });

  it('never rebuilds a tips command, lists for an empty command, and falls back to the section for long text', () => {
    const where = envelope('slack');
    expect(sourceOfText(command(where, 'tips subscribe'), reply)).toBeNull();
    // A reply that can build itself again from an action is rebuilt from that, not from the words.
    expect(sourceOfText(question(where, 'dm', 'tips subscribe'), reply)).toBe('a:s:llm-sme:skills');
    expect(sourceOfText(command(where, '  '), reply)).toBe('a:l');
    expect(sourceOfText(command(where, 'x'.repeat(5_000)), reply)).toBe('a:s:llm-sme:skills');
  });
});
