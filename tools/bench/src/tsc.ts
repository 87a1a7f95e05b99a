// The two TypeScripts the benchmarks compare: 7 (the native compiler: the root devDependency, the
// workspace's checker) and 5 (this package's own, as the generator uses it). TypeScript 7 exports no
// `bin/tsc` subpath, so each `tsc` script is found beside its package.json.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tscOf = (packageJson: string) =>
  join(dirname(createRequire(packageJson).resolve('typescript/package.json')), 'bin/tsc');

export const TSC_7: string = tscOf(fileURLToPath(new URL('../../../package.json', import.meta.url)));
export const TSC_5: string = tscOf(fileURLToPath(new URL('../package.json', import.meta.url)));
