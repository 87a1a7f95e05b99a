import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'test-reporter', include: ['test/**/*.test.ts'] } });
