// One way to measure bundles for the whole repo, so size budgets (tests) and the benchmarks agree on
// what a byte count means: esbuild `--bundle --format=esm --target=es2022`, minified unless told
// otherwise, then gzip -9.
import { gzipSync } from 'node:zlib';
import { build, type Platform } from 'esbuild';

export type { Platform };

export interface BundleOptions {
  /** The program, as an app would write it (TypeScript allowed). */
  source: string;
  /** Where its imports resolve from: a package whose dependencies (and export maps) apply. */
  resolveDir: string;
  /** Default `browser`. */
  platform?: Platform;
  /** Extra export conditions, e.g. `['worker', 'import']` for an edge runtime. */
  conditions?: string[];
  /** Default true. */
  minify?: boolean;
}

export interface Bundle {
  /** The bundled code. */
  text: string;
  /** Bytes of the bundle. */
  min: number;
  /** Bytes of the bundle after gzip -9. */
  gzip: number;
  /** The files that went into it, relative to the working directory. */
  inputs: string[];
}

export async function bundle(options: BundleOptions): Promise<Bundle> {
  const result = await build({
    stdin: { contents: options.source, resolveDir: options.resolveDir, loader: 'ts' },
    bundle: true,
    minify: options.minify ?? true,
    format: 'esm',
    platform: options.platform ?? 'browser',
    target: 'es2022',
    ...(options.conditions ? { conditions: options.conditions } : {}),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    text: new TextDecoder().decode(code),
    min: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
  };
}
