import { defineConfig } from 'vitest/config';

// Publishes to a local registry and installs from it with npm and pnpm: minutes, not seconds.
export default defineConfig({
  test: {
    name: 'registry-release',
    include: ['test/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
