import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The package root: `@volc-openapi/signer` imports resolve through its export map to dist/ (build first). */
const root = new URL('../..', import.meta.url).pathname;

/**
 * An esbuild bundle of `source` as a browser app would ship it (`--bundle --minify --format=esm`, the
 * `browser` condition), with its min and min+gz (gzip -9) bytes. Used by test/dist.test.ts and the bench.
 */
export const bundleSize = async (source: string): Promise<{ text: string; min: number; gzip: number }> => {
  const out = await build({
    stdin: { contents: source, resolveDir: root },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    text: new TextDecoder().decode(code),
    min: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
  };
};
