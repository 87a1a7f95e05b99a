import { defineConfig } from 'vitest/config';

// The CLI cases spawn Node and load the whole bundled spec, which takes a few seconds on a busy machine.
export default defineConfig({
  test: { name: 'mock-server', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});
