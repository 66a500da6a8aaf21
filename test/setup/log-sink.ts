import { afterAll } from 'vitest';
import { flushCaptures } from '../helpers/log-sink.js';

// Registered first, so with vitest's stacked hooks it runs after the test file's own afterAll (whose stops log too).
// Vitest wants the first argument (the fixtures) destructured; this hook needs none of them.
// eslint-disable-next-line no-empty-pattern
afterAll(({}, suite) => {
  flushCaptures(suite.file.filepath);
});
