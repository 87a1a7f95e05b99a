import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'dev-server', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});
