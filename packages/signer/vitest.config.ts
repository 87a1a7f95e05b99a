import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'signer', include: ['test/**/*.test.ts'] } });
