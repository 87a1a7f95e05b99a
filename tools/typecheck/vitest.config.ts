import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'typecheck', include: ['test/**/*.test.ts'] } });
