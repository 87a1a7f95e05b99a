#!/usr/bin/env node
// volc-mock: serves the mock VMS endpoint from a bundled spec until interrupted.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MOCK_CREDENTIALS } from './credentials.ts';
import { loadSpecFile } from './spec.ts';

const USAGE = `usage: volc-mock [--spec <bundled openapi.json>] [--port <n>] [--host <address>] [--quiet]
  --spec   bundled OpenAPI document (default: @volc-openapi/vms-spec's dist/openapi.json)
  --port   port to listen on (default: $MOCK_PORT or 4010; 0 picks a free one)
  --host   address to listen on (default: 127.0.0.1)
  --quiet  do not log each request`;

function fail(message: string): never {
  process.stderr.write(`volc-mock: ${message}\n`);
  process.exit(1);
}

/** The spec package's bundle, or the repository path when the package cannot be resolved. */
function defaultSpecPath(): string {
  try {
    return fileURLToPath(import.meta.resolve('@volc-openapi/vms-spec/openapi.json'));
  } catch {
    return fileURLToPath(new URL('../../../spec/vms/dist/openapi.json', import.meta.url));
  }
}

function parsePort(text: string, from: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    fail(`${from} must be a port number from 0 to 65535, got "${text}"`);
  return port;
}

let values: { spec?: string; port?: string; host?: string; quiet?: boolean; help?: boolean };
try {
  // `pnpm run mock -- --port 1` passes the `--` along; dropping it keeps the options options.
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  ({ values } = parseArgs({
    args,
    options: {
      spec: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const port =
  values.port !== undefined
    ? parsePort(values.port, '--port')
    : process.env.MOCK_PORT
      ? parsePort(process.env.MOCK_PORT, 'MOCK_PORT')
      : 4010;
const specPath = values.spec ?? defaultSpecPath();

try {
  const { document, spec } = await loadSpecFile(specPath);
  // Loaded only now (ajv, the signer): a bad spec path is reported without that start-up cost.
  const { startMockServer } = await import('./server.ts');
  const log = (message: string) => process.stdout.write(`${new Date().toISOString()} ${message}\n`);
  const running = await startMockServer({
    spec: document,
    host: values.host,
    port,
    ...(values.quiet ? {} : { logger: { info: log, warn: log, error: log } }),
  });
  process.stdout.write(
    [
      `VMS mock listening on ${running.url} (${spec.operations.length} operations from ${specPath})`,
      'Demo credentials (public test data, valid only against this mock):',
      `  access key id:     ${MOCK_CREDENTIALS.accessKeyId}`,
      `  secret access key: ${MOCK_CREDENTIALS.secretAccessKey}`,
      `  signing scope:     region ${spec.signing.region}, service ${spec.signing.service}`,
      `Control: ${running.url}/__mock/health, /__mock/scenarios, /__mock/requests`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  // Configuration problems and listen failures are reported as one line, without a stack trace.
  fail((error as Error).message);
}
