import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'synth-spec', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
