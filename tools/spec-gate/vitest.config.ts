import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'spec-gate', include: ['test/**/*.test.ts'], testTimeout: 120_000 },
});
