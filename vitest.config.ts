import { defineConfig } from 'vitest/config';

// One vitest run over every workspace package that has tests, so CI reads one closing count.
export default defineConfig({
  test: {
    projects: ['spec/*/vitest.config.ts', 'packages/*/vitest.config.ts', 'tools/*/vitest.config.ts'],
    reporters: ['default', './tools/test-reporter/src/index.ts'],
  },
});
