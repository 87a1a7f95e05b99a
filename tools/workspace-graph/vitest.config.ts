import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'workspace-graph', include: ['test/**/*.test.ts'] },
});
