import { defineConfig } from 'vitest/config';

// Installs packed tarballs with npm into a new project: it gets minutes, not seconds.
export default defineConfig({
  test: { name: 'pack-clients', include: ['test/**/*.test.ts'], testTimeout: 300_000 },
});
