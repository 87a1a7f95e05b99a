import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'api-report', include: ['test/**/*.test.ts'], testTimeout: 120_000 },
});
