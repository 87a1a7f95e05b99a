// The build of every generated client package (its tsdown.config.ts re-exports this): ESM and CJS with
// declarations from Oxc's isolated declarations, so the 0.5 MB of generated types are emitted without
// a second type check (the workspace's one `tsc` run checks them).
import type { UserConfig } from 'tsdown';

const clientBuild: UserConfig = {
  entry: ['src/generated/index.ts'],
  format: ['esm', 'cjs'],
  dts: { generator: 'oxc' },
  target: 'es2022',
  fixedExtension: false,
};

export default clientBuild;
