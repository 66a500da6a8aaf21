import { afterEach, describe, expect, it } from 'vitest';
import type { ContextStore } from '../../src/core/conversation/context-store.js';
import { createMemoryContextStore } from '../../src/core/conversation/memory-context-store.js';
import { EMPTY_SLOTS, type ConversationSlots } from '../../src/core/conversation/slots.js';
import type { TipStore } from '../../src/store/tip-store.js';
import { BACKENDS, type TestDatabase } from './backends.js';

const TTL = 30 * 60_000;
const T0 = new Date('2026-01-05T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const PAY: ConversationSlots = {
  intent: 'salary',
  roles: ['ml-systems-engineer'],
  section: 'salary',
  level: 'senior',
  location: 'seattle',
  offered: [],
};
const COMPARED: ConversationSlots = {
  intent: 'compare',
  roles: ['llm-sme', 'knowledge-graph-engineer'],
  section: 'skills',
  level: null,
  location: null,
  offered: ['llm-sme', 'knowledge-graph-engineer'],
};

interface Subject {
  contexts: ContextStore;
  /** A second handle on the same storage: another replica. */
  other?: () => Promise<ContextStore>;
}

const open: TipStore[] = [];
const dbs: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(dbs.splice(0).map((d) => d.drop()));
});

const SUBJECTS: Array<{ name: string; create: () => Promise<Subject> }> = [
  { name: 'memory', create: async () => ({ contexts: createMemoryContextStore({ ttlMs: TTL }) }) },
  ...BACKENDS.map(({ name, create }) => ({
    name,
    create: async (): Promise<Subject> => {
      const db = await create();
      dbs.push(db);
      const store = await db.open();
      open.push(store);
      return {
        contexts: store.contexts(TTL),
        other: async () => {
          const second = await db.open();
          open.push(second);
          return second.contexts(TTL);
        },
      };
    },
  })),
];

describe.each(SUBJECTS)('ContextStore on $name', ({ create }) => {
  it('has no context for a conversation never saved', async () => {
    const { contexts } = await create();
    expect(await contexts.load('nobody', T0)).toBeNull();
  });

  it('returns what was saved, and a later save replaces it', async () => {
    const { contexts } = await create();
    await contexts.save('a', PAY, T0);
    expect(await contexts.load('a', later(1000))).toEqual(PAY);
    await contexts.save('a', COMPARED, later(2000));
    expect(await contexts.load('a', later(3000))).toEqual(COMPARED);
    expect(await contexts.load('b', later(3000))).toBeNull();
  });

  it('forgets a conversation after the TTL of silence, counted from the last save', async () => {
    const { contexts } = await create();
    await contexts.save('a', PAY, T0);
    await contexts.save('a', PAY, later(TTL - 1000));
    expect(await contexts.load('a', later(TTL + 1000))).toEqual(PAY);
    expect(await contexts.load('a', later(2 * TTL - 1001))).toEqual(PAY);
    expect(await contexts.load('a', later(2 * TTL - 1000))).toBeNull();
  });

  it('purges lapsed contexts and keeps live ones', async () => {
    const { contexts } = await create();
    await contexts.save('old', PAY, T0);
    await contexts.save('new', EMPTY_SLOTS, later(TTL - 1));
    expect(await contexts.purge(later(TTL + 1))).toBe(1);
    expect(await contexts.load('new', later(TTL + 2))).toEqual(EMPTY_SLOTS);
  });

  it('is shared by every process on the same database', async () => {
    const { contexts, other } = await create();
    if (!other) return; // one process's memory is not shared by design
    const replica = await other();
    await contexts.save('thread', COMPARED, T0);
    expect(await replica.load('thread', later(1))).toEqual(COMPARED);
  });
});

describe('the in-memory context store', () => {
  it('holds at most maxEntries, dropping the least recently used', () => {
    const m = createMemoryContextStore({ ttlMs: TTL, maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) m.set(id, PAY, T0);
    m.get('a', T0);
    m.set('a', PAY, T0);
    m.set('d', PAY, T0);
    expect(m.size).toBe(3);
    expect(m.get('b', T0)).toBeNull();
    expect(m.get('a', T0)).toEqual(PAY);
  });

  it('stays bounded over a million distinct conversations', () => {
    const m = createMemoryContextStore({ ttlMs: TTL, maxEntries: 1000 });
    for (let i = 0; i < 1_000_000; i++) m.set(`c${i}`, PAY, T0);
    expect(m.size).toBe(1000);
    expect(m.get('c999999', T0)).toEqual(PAY);
  });
});
