import { configDefaults, defineConfig } from 'vitest/config';

const LOG_SCAN = 'test/log-scan/secrets-in-logs.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line; it counts both projects.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, LOG_SCAN],
          // Empties test-results/logs, then finds or starts the PostgreSQL the store tests use.
          globalSetup: ['test/setup/empty-log-captures.ts', 'test/setup/test-database.ts'],
          // After each file, writes what it logged to test-results/logs (test/helpers/log-sink.ts).
          setupFiles: ['test/setup/log-sink.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Runs after every "suite" file, over their captured logs; a run of named files or folders leaves it out.
        extends: true,
        test: { name: 'log-scan', include: [LOG_SCAN], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
