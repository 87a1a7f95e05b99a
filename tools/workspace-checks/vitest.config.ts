import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'workspace-checks', include: ['test/**/*.test.ts'] } });
