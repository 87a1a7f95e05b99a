// `pnpm start`: the docs site and the mock endpoint (every built service of the registry) on
// 127.0.0.1 (or HOST). It prints one URL, the site's landing page: the pages know the mock through
// MOCK_ENDPOINT_FILE (the landing page shows it, each operation's console sends to it). With
// `--examples` it also prints the mock's URL and a ready-to-run call per service.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MOCK_ENDPOINT_FILE } from '@volc-openapi/docs/console-ids';
import {
  bindingNote,
  exampleCall,
  MOCK_CREDENTIALS,
  registrySpecs,
  startMockServer,
  stopWith,
} from '@volc-openapi/mock-server';
import { serveDirectory } from '@volc-openapi/static-server';

const require = createRequire(import.meta.url);

const USAGE = 'usage: pnpm start [--examples]';
let examplesWanted: boolean;
try {
  examplesWanted = parseArgs({ options: { examples: { type: 'boolean', default: false } } }).values.examples;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

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
    console.error(
      `Cannot start the ${what}: ${reason}. Pick another port: MOCK_PORT=<n> (mock) or DOCS_PORT=<n> (docs), e.g. MOCK_PORT=4011 pnpm start.`,
    );
    process.exit(1);
  }
}

const registry = await registrySpecs();
const served = registry.flatMap((entry) => (entry.spec ? [{ name: entry.name, spec: entry.spec }] : []));
if (served.length === 0) {
  console.error(
    `No service to serve:\n${registry.map((entry) => `  ${entry.name}: ${entry.problem}`).join('\n')}`,
  );
  process.exit(1);
}
const docsDir = join(dirname(require.resolve('@volc-openapi/docs/package.json')), 'dist');

const host = process.env.HOST || '127.0.0.1';
const mockPort = port('MOCK_PORT', 4010);
const docsPort = port('DOCS_PORT', 8080);
const mock = await listen('mock server', mockPort, () =>
  startMockServer({ specs: served.map((entry) => entry.spec), host, port: mockPort }),
);
// Published next to the pages, so that each operation's console sends to this mock by default.
const mockEndpoint = { body: JSON.stringify({ endpoint: mock.url }), type: 'application/json' };
const docs = await listen('docs site', docsPort, () =>
  serveDirectory(docsDir, { host, port: docsPort, routes: { [`/${MOCK_ENDPOINT_FILE}`]: mockEndpoint } }),
);

// Set before the banner: a script may stop both as soon as it reads it.
stopWith(() => Promise.all([mock.close(), docs.close()]), {
  log: (message) => console.error(`pnpm start: ${message}`),
});

const skipped = registry
  .filter((entry) => !entry.spec)
  .map((entry) => `\n  Not served: ${entry.name}: ${entry.problem}`)
  .join('');
const names = served.map(({ name }) => name).join(', ');

/** The mock's URL, each service's signing scope and page, and a call per service (client and curl). */
async function examples(): Promise<string> {
  // Presigned URLs work with plain curl for 15 minutes: the signature travels in the query string.
  const calls = await Promise.all(
    served.map(async ({ name, spec }) => {
      const call = await exampleCall(spec, mock.url, {
        credentials: MOCK_CREDENTIALS,
        expiresInSeconds: 900,
      });
      const how = call.operation.signed
        ? `presigned for region ${spec.signing.region}, service ${spec.signing.service}`
        : 'unsigned: the operation declares no signature';
      return `    ${name}: ${call.operation.action} (${how})\n      ${call.curl}`;
    }),
  );
  const scopes = served
    .map(({ name, spec }) => {
      const page = existsSync(join(docsDir, name, 'index.html')) ? `   docs ${docs.url}${name}/` : '';
      return `${name} (region ${spec.signing.region}, service ${spec.signing.service})${page}`;
    })
    .join('\n                 ');
  return `
  Mock API       ${mock.url}
  Services       ${scopes}

  Try a call with the generated client:
    VMS_ENDPOINT=${mock.url} pnpm example
  or with curl, one call per service (presigned URLs are valid for 15 minutes):
${calls.join('\n')}
`;
}

console.log(`
  Open ${docs.url}

  The reference of every served service (${names}): each operation's Try button signs its call in the
  page and sends it to the local mock, whose demo keys are AccessKeyId ${MOCK_CREDENTIALS.accessKeyId},
  SecretAccessKey ${MOCK_CREDENTIALS.secretAccessKey}.${skipped}
  ${bindingNote(host, 'HOST=0.0.0.0 pnpm start')}
${examplesWanted ? await examples() : "  `pnpm start --examples` also prints the mock's URL and a ready-to-run call per service.\n"}
  Ctrl+C stops both.
`);
