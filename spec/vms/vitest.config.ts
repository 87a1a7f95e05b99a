import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'vms-spec', include: ['test/**/*.test.ts'] } });
