// `pnpm start`: the docs site and the mock VMS endpoint on 127.0.0.1, with a call to try.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MOCK_CREDENTIALS, startMockServer } from '@volc-openapi/mock-server';
import { presignUrl } from '@volc-openapi/signer/presign';
import { serveDirectory } from '@volc-openapi/static-server';

const require = createRequire(import.meta.url);

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name} must be a port number (0-65535), got "${process.env[name]}".`);
    process.exit(2);
  }
  return value;
}

async function listen<T>(what: string, portNumber: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'EADDRINUSE' ? `port ${portNumber} is already in use` : (error as Error).message;
    console.error(`Cannot start the ${what}: ${reason}. Pick another port (DOCS_PORT / MOCK_PORT).`);
    process.exit(1);
  }
}

const specPath = require.resolve('@volc-openapi/vms-spec/openapi.json');
const docsDir = join(dirname(require.resolve('@volc-openapi/vms-docs/package.json')), 'dist');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Record<string, unknown>;

const mockPort = port('MOCK_PORT', 4010);
const docsPort = port('DOCS_PORT', 8080);
const mock = await listen('mock VMS server', mockPort, () => startMockServer({ spec, port: mockPort }));
const docs = await listen('docs site', docsPort, () => serveDirectory(docsDir, { port: docsPort }));

// A presigned GET works with plain curl for 15 minutes: the signature travels in the query string.
const presigned = await presignUrl(
  {
    method: 'GET',
    url: `${mock.url.replace(/\/$/, '')}/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1`,
  },
  { credentials: MOCK_CREDENTIALS, region: 'cn-beijing', service: 'vms', expiresInSeconds: 900 },
);

console.log(`
  Docs site      ${docs.url}
  Mock VMS API   ${mock.url}   (demo AccessKey ${MOCK_CREDENTIALS.accessKeyId}, secret ${MOCK_CREDENTIALS.secretAccessKey})

  Try a call with the generated client:
    VMS_ENDPOINT=${mock.url} pnpm example
  or with curl (presigned, valid for 15 minutes):
    curl '${presigned}'

  Ctrl+C stops both.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await Promise.all([mock.close(), docs.close()]);
    process.exit(0);
  });
}
