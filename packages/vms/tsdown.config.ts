import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/generated/index.ts'],
  format: ['esm', 'cjs'],
  dts: { generator: 'oxc' },
  target: 'es2022',
  fixedExtension: false,
});
