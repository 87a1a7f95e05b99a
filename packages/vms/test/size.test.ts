// Size budget: a program that imports the built client and calls one operation, bundled for the
// browser with esbuild (minified) and gzipped, openapi-fetch and the signer included, must stay
// within 10.5 kB (raised from 10 kB for the raw client's error-envelope middleware and the credential
// cache's refresh backoff, 2026-12). Run after `pnpm build`.
import { fileURLToPath } from 'node:url';
import { bundle } from '@volc-openapi/bundle-size';
import { expect, it } from 'vitest';

const BUDGET = 10.5 * 1024;

it(`a one-call program is at most ${BUDGET} bytes minified + gzipped`, async () => {
  const { min, gzip, inputs } = await bundle({
    source: [
      "import { createVmsClient } from '../dist/index.js';",
      "const vms = createVmsClient({ credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } });",
      'const { data, error } = await vms.QueryUsableResourceV2({ Type: 1 });',
      'console.log(data ?? error);',
    ].join('\n'),
    resolveDir: fileURLToPath(new URL('.', import.meta.url)),
  });
  console.log(`client bundle: ${min} B minified, ${gzip} B gzipped (budget ${BUDGET} B)`);
  expect(inputs.join('\n')).toContain('openapi-fetch');
  expect(inputs.join('\n')).toMatch(/signer\/dist\/web\.js/);
  expect(inputs.join('\n')).toMatch(/runtime\/dist\/index\.js/);
  expect(gzip).toBeLessThanOrEqual(BUDGET);
});
