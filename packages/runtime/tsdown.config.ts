import { defineConfig } from 'tsdown';

// Two entries: `index` (browsers, workers, edge: no `node:` imports) and `node` (adds the env and
// ~/.volc/config credential providers). package.json routes the `node` condition to the latter.
// Declarations come from Oxc's isolated declarations: no second type check (the workspace's one
// `tsc` run checks the code).
export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: { generator: 'oxc' },
  target: 'es2022',
  fixedExtension: false,
});
