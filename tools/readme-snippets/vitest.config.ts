import { defineConfig } from 'vitest/config';

// Each snippet runs in its own Node process, after one tsc run over them all: seconds, not milliseconds.
export default defineConfig({
  test: {
    name: 'readme-snippets',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
