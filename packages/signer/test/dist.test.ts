/**
 * The build as published (dist/; run `pnpm --filter @volc-openapi/signer build` first), imported through the
 * package's export map. The size budget is on bytes: the whole browser main entry (every export kept),
 * bundled with esbuild `--bundle --minify --format=esm`, then gzip -9.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSize } from './helpers/bundle-size.ts';

const BUDGET = 3072;
const dist = new URL('../dist/', import.meta.url).pathname;
const require = createRequire(import.meta.url);

beforeAll(() => {
  if (!existsSync(`${dist}web.js`)) {
    throw new Error('dist/ is missing: run `pnpm --filter @volc-openapi/signer build` first');
  }
});

describe('dist', () => {
  it(`the whole browser main entry is at most ${BUDGET} B min+gz`, async () => {
    expect((await bundleSize("export * from '@volc-openapi/signer';")).gzip).toBeLessThanOrEqual(BUDGET);
  });

  it.each(['@volc-openapi/signer', '@volc-openapi/signer/presign', '@volc-openapi/signer/verify'])(
    '%s: the browser build has no node: import',
    async (specifier) => {
      expect((await bundleSize(`export * from '${specifier}';`)).text).not.toMatch(/["']node:/);
    },
  );

  // The entries share a chunk, so an error from a subpath is an instance of the main entry's SignerError.
  it.each(['node', 'web'])(
    "%s build: the subpaths share the main entry's SignerError (ESM and CJS)",
    async (name) => {
      type Entries = typeof import('../src/node.ts') & typeof import('../src/presign-node.ts');
      for (const ext of ['js', 'cjs']) {
        const load = async (file: string): Promise<Entries> =>
          ext === 'cjs' ? require(`${dist}${file}.cjs`) : import(`${dist}${file}.js`);
        const { SignerError } = await load(name);
        const { presignUrl } = await load(`presign-${name}`);
        const options = {
          credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
          region: 'r',
          service: 's',
        };
        await expect(presignUrl({ method: 'GET', url: 'nope' }, options)).rejects.toBeInstanceOf(SignerError);
      }
    },
  );
});
