import { defineConfig } from 'vitest/config';

// The end-to-end test builds a whole copy of the repository: it gets minutes, not seconds.
export default defineConfig({
  test: { name: 'new-service', include: ['test/**/*.test.ts'], testTimeout: 1_200_000, hookTimeout: 600_000 },
});
