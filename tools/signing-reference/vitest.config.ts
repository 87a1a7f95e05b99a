import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'signing-reference', include: ['test/**/*.test.ts'] } });
