import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'new-service', include: ['test/**/*.test.ts'] } });
