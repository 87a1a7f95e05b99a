// The built client on the oldest Node it supports (engines: >= 20), not the Node 22 the repo's tools
// run on: the machine's own Node 20 loads dist/ through the export map, ESM and CommonJS, takes its
// credentials from the environment (the Node entry's default chain) and calls the mock over node:http.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MOCK_CREDENTIALS } from '@volc-openapi/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mock, startMock } from './helpers.ts';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

/** A Node 20 binary: $NODE20, else the machine's /usr/bin/node (Node 20 on the build machines). */
function findNode20(): string {
  const candidates = [process.env.NODE20, '/usr/bin/node', '/usr/local/bin/node'].filter(
    (path): path is string => Boolean(path),
  );
  for (const path of candidates) {
    try {
      if (execFileSync(path, ['--version'], { encoding: 'utf8' }).startsWith('v20.')) return path;
    } catch {
      // not there, or not runnable: try the next one
    }
  }
  throw new Error(`No Node 20 found (tried ${candidates.join(', ')}): set NODE20 to a Node 20 binary.`);
}

const ESM = `import { createVmsClient } from '@volc-openapi/vms';
const vms = createVmsClient({ endpoint: process.env.MOCK_URL });
const { data, error, requestId } = await vms.QueryUsableResourceV2({ Type: 1 });
console.log(JSON.stringify({ version: process.version, ok: !error && Array.isArray(data?.Result?.Records), requestId }));`;

const CJS = `const { createVmsClient } = require('@volc-openapi/vms');
createVmsClient({ endpoint: process.env.MOCK_URL })
  .QueryUsableResourceV2({ Type: 1 })
  .then(({ data, error, requestId }) =>
    console.log(JSON.stringify({ version: process.version, ok: !error && Array.isArray(data?.Result?.Records), requestId })));`;

/** Runs a script with Node 20 from the package folder, so `@volc-openapi/vms` resolves to its own dist/. */
function run(node: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd: PACKAGE, env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`node exited with ${code}: ${err}`)),
    );
  });
}

let mock: Mock;
let node20: string;
beforeAll(async () => {
  node20 = findNode20();
  mock = await startMock();
});
afterAll(async () => {
  await mock?.close();
});

describe('on Node 20', () => {
  it.each([
    ['ESM', ['--input-type=module', '-e', ESM]],
    ['CommonJS', ['-e', CJS]],
  ])('%s: the built client calls the mock with credentials from the environment', async (_, args) => {
    const env = {
      MOCK_URL: mock.url,
      VOLC_ACCESSKEY: MOCK_CREDENTIALS.accessKeyId,
      VOLC_SECRETKEY: MOCK_CREDENTIALS.secretAccessKey,
      // No ~/.volc/config of the machine's user can leak in.
      HOME: PACKAGE,
    };
    const result = JSON.parse(await run(node20, args, env)) as {
      version: string;
      ok: boolean;
      requestId: string;
    };
    expect(result.version).toMatch(/^v20\./);
    expect(result.ok).toBe(true);
    expect(result.requestId).toMatch(/^\d{17}[0-9A-F]{15}$/);
  });
});
