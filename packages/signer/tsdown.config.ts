import { defineConfig, type UserConfig } from 'tsdown';

// Two builds of one code base: `node` hashes with node:crypto, `web` with Web Crypto (no node: imports),
// each with the main entry and the `presign` and `verify` subpaths. Code splitting (CJS too) puts what the
// entries share in one chunk per build and format, so the entries share one key cache and one SignerError.
// Declarations come from Oxc's isolated declarations: no second type check. tsdown cleans dist once
// for both builds.
const shared: UserConfig = {
  format: ['esm', 'cjs'],
  dts: { generator: 'oxc' },
  sourcemap: true,
  fixedExtension: false,
};

export default defineConfig([
  {
    ...shared,
    entry: ['src/node.ts', 'src/presign-node.ts', 'src/verify-node.ts'],
    platform: 'node',
    target: 'node20',
  },
  {
    ...shared,
    entry: ['src/web.ts', 'src/presign-web.ts', 'src/verify-web.ts'],
    // Neutral, not browser: the code imports nothing of Node's, and Rolldown builds CJS for Node anyway.
    platform: 'neutral',
    target: 'es2022',
  },
]);
