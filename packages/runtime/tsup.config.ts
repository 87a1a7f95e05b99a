import { defineConfig } from 'tsup';

// Two entries: `index` (browsers, workers, edge: no `node:` imports) and `node` (adds the env and
// ~/.volc/config credential providers). package.json routes the `node` condition to the latter.
export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  // Keep `node:` specifiers: they mark Node-only imports unambiguously (and the browser test looks for them).
  removeNodeProtocol: false,
});
