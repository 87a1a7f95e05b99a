import { defineConfig } from 'vitest/config';

// Builds two fresh clones of the repository: minutes, not seconds.
export default defineConfig({
  test: { name: 'cache-server', include: ['test/**/*.test.ts'], testTimeout: 900_000, hookTimeout: 120_000 },
});
