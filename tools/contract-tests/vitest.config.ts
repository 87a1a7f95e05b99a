import { defineConfig } from 'vitest/config';

// Round trips wait on the local mock more than they compute, so several run side by side; the first
// call of an operation also compiles its schemas in the mock, hence the roomier timeout.
export default defineConfig({
  test: { name: 'contract', include: ['test/**/*.test.ts'], maxConcurrency: 16, testTimeout: 30_000 },
});
