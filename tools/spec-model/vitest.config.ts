import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'spec-model', include: ['test/**/*.test.ts'] } });
