#!/usr/bin/env node
// volc-mock: serves the mock endpoint for every built service of the registry (or the specs given)
// on one port until interrupted.
import { parseArgs } from 'node:util';
import { bindingNote } from './binding.ts';
import { MOCK_CREDENTIALS } from './credentials.ts';
import { stopWith } from './lifetime.ts';
import { registryName, registrySpecs } from './registry.ts';
import { loadSpecFile, type MockSpec } from './spec.ts';

const USAGE = `usage: volc-mock [--spec <bundled openapi.json>]... [--port <n>] [--host <address>] [--quiet]
  --spec   a bundled OpenAPI document to serve; repeat it to serve several on one port
           (default: every service of spec/services.yaml whose dist/openapi.json is built)
  --port   port to listen on (default: $MOCK_PORT or 4010; 0 picks a free one)
  --host   address to listen on (default: 127.0.0.1)
  --quiet  do not log each request
Requests reach a service by the service named in their credential scope (signing.service).`;

function fail(message: string): never {
  process.stderr.write(`volc-mock: ${message}\n`);
  process.exit(1);
}

function parsePort(text: string, from: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    fail(`${from} must be a port number from 0 to 65535, got "${text}"`);
  return port;
}

let values: { spec?: string[]; port?: string; host?: string; quiet?: boolean; help?: boolean };
try {
  // `pnpm run mock -- --port 1` passes the `--` along; dropping it keeps the options options.
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  ({ values } = parseArgs({
    args,
    options: {
      spec: { type: 'string', multiple: true },
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

interface Served {
  name: string;
  spec: MockSpec;
}

try {
  const served: Served[] = [];
  const notes: string[] = [];
  if (values.spec?.length) {
    for (const path of values.spec) {
      const { spec } = await loadSpecFile(path);
      served.push({ name: registryName(path) ?? spec.signing.service, spec });
    }
  } else {
    for (const entry of await registrySpecs()) {
      if (entry.spec) served.push({ name: entry.name, spec: entry.spec });
      else notes.push(`  not served: ${entry.name}: ${entry.problem}`);
    }
    if (served.length === 0)
      throw new Error(`no service to serve: none of the registry's bundles is usable\n${notes.join('\n')}`);
  }
  // Loaded only now (ajv, the signer): a bad spec path is reported without that start-up cost.
  const { startMockServer } = await import('./server.ts');
  const log = (message: string) => process.stdout.write(`${new Date().toISOString()} ${message}\n`);
  const running = await startMockServer({
    specs: served.map((entry) => entry.spec),
    host: values.host,
    port,
    ...(values.quiet ? {} : { logger: { info: log, warn: log, error: log } }),
  });
  // Set before the banner: a script may stop the mock as soon as it reads it.
  stopWith(() => running.close(), { log: (message) => process.stderr.write(`volc-mock: ${message}\n`) });
  const counts = served.map(
    ({ name, spec }, index) => `${name}: ${spec.operations.length}${index === 0 ? ' operations' : ''}`,
  );
  process.stdout.write(
    [
      `Mock listening on ${running.url} (${counts.join(', ')})`,
      bindingNote(values.host ?? '127.0.0.1', '--host 0.0.0.0'),
      'Demo credentials (public test data, valid only against this mock):',
      `  access key id:     ${MOCK_CREDENTIALS.accessKeyId}`,
      `  secret access key: ${MOCK_CREDENTIALS.secretAccessKey}`,
      ...served.map(
        ({ name, spec }) =>
          `  signing scope:     ${name}: region ${spec.signing.region}, service ${spec.signing.service}`,
      ),
      ...notes,
      `Control: ${running.url}/__mock/health, /__mock/scenarios, /__mock/requests`,
      '',
    ].join('\n'),
  );
} catch (error) {
  // Configuration problems and listen failures are reported as one line, without a stack trace.
  fail((error as Error).message);
}
