import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'redocly-rules', include: ['test/**/*.test.ts'] } });
