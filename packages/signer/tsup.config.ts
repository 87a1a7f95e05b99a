import { defineConfig } from 'tsup';

// Two builds of one code base: `node` hashes with node:crypto, `web` with Web Crypto (no node: imports).
export default defineConfig([
  {
    entry: { node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: true,
    clean: true,
    sourcemap: true,
    treeshake: true,
  },
  {
    entry: { web: 'src/web.ts' },
    format: ['esm', 'cjs'],
    platform: 'browser',
    target: 'es2022',
    dts: true,
    sourcemap: true,
    treeshake: true,
  },
]);
