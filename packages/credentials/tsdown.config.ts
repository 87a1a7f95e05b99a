import { defineConfig } from 'tsdown';

// Declarations come from Oxc's isolated declarations: no second type check (the workspace's one `tsc`
// run checks the code).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: { generator: 'oxc' },
  target: 'es2022',
  fixedExtension: false,
});
