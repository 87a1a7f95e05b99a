// Size budget: a program that imports the built client and calls one operation, bundled for the
// browser with esbuild (minified) and gzipped, openapi-fetch and the signer included, must stay
// within 10 kB. Run after `pnpm build`.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const BUDGET = 10 * 1024;

it(`a one-call program is at most ${BUDGET} bytes minified + gzipped`, async () => {
  const result = await build({
    stdin: {
      contents: [
        "import { createVmsClient } from '../dist/index.js';",
        "const vms = createVmsClient({ credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } });",
        'const { data, error } = await vms.QueryUsableResourceV2({ Type: 1 });',
        'console.log(data ?? error);',
      ].join('\n'),
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzipped = gzipSync(code, { level: 9 }).length;
  const inputs = Object.keys(result.metafile.inputs).join('\n');
  console.log(`client bundle: ${code.length} B minified, ${gzipped} B gzipped (budget ${BUDGET} B)`);
  expect(inputs).toContain('openapi-fetch');
  expect(inputs).toMatch(/signer\/dist\/web\.js/);
  expect(inputs).toMatch(/runtime\/dist\/index\.js/);
  expect(gzipped).toBeLessThanOrEqual(BUDGET);
});
