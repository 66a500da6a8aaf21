import { afterEach, beforeEach } from 'vitest';
import type { TipStore } from '../../../src/store/tip-store.js';
import type { TestDatabase } from '../../store/backends.js';

/**
 * A fresh store for every test of the enclosing describe, on the backend
 * `create` makes; closed and dropped after each. `then` runs after opening.
 */
export function freshStore(
  create: () => Promise<TestDatabase>,
  then: (store: TipStore) => void | Promise<void> = () => undefined,
): () => TipStore {
  let database: TestDatabase | undefined;
  let store: TipStore | undefined;
  beforeEach(async () => {
    database = await create();
    store = await database.open();
    await then(store);
  });
  afterEach(async () => {
    await store?.close();
    await database?.drop();
  });
  return () => {
    if (!store) throw new Error('the store opens in beforeEach');
    return store;
  };
}
