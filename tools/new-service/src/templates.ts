// The files of one service outside its spec folder, templated from its registry entry: the client
// package (its code is generated at build time) and its registry line. `pnpm new-service` writes them
// together with a spec skeleton; every client package of the repo was made by these templates.
import type { ServiceEntry } from '@volc-openapi/spec-model';

export interface Manifest {
  [key: string]: unknown;
}

/** Where the repository lives; every published manifest points at it, with its own folder. */
export const REPOSITORY_URL = 'git+https://github.com/volc-openapi/volc-openapi.git';

/**
 * The fields every published manifest carries (clients, spec packages, runtime, signer, credentials):
 * the registry release test holds each public package of the workspace to them.
 */
export const publishedFields = (directory: string) => ({
  license: 'MIT',
  repository: { type: 'git', url: REPOSITORY_URL, directory },
  engines: { node: '>=20' },
  sideEffects: false,
  publishConfig: { access: 'public' },
});

/** packages/<name>/package.json */
export function clientManifest(service: ServiceEntry, version = '0.0.0'): Manifest {
  return {
    name: service.clientPackage,
    version,
    description: `Typed, signed fetch client for the ${service.title} API, generated from its OpenAPI spec`,
    type: 'module',
    ...publishedFields(`packages/${service.name}`),
    files: ['dist'],
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.cts',
    exports: {
      '.': {
        import: { types: './dist/index.d.ts', default: './dist/index.js' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
      './package.json': './package.json',
    },
    scripts: {
      generate: 'volc-codegen client --out src/generated',
      build: 'tsdown --config-loader native',
      'test:exports': 'attw --pack . --profile node16 && publint --strict',
    },
    dependencies: {
      '@volc-openapi/runtime': 'workspace:^',
      '@volc-openapi/signer': 'workspace:^',
    },
    devDependencies: {
      '@arethetypeswrong/cli': '0.18.5',
      '@volc-openapi/codegen': 'workspace:*',
      [service.specPackage]: 'workspace:*',
      publint: '0.3.25',
      tsdown: '0.23.7',
    },
  };
}

/** The call a client README makes first: an Action of the service with a valid input, as TypeScript. */
export interface FirstCall {
  /** The spec's server URL, named as the default endpoint. */
  endpoint: string;
  /** The spec's signing region. */
  region: string;
  action: string;
  /** The Action's input as a TypeScript literal; empty for an Action without input. */
  input: string;
}

/**
 * packages/<name>/README.md: how to install the client and a first call against `pnpm mock` with every
 * option a team sets on its first day. The call is a `ts runnable` snippet, which
 * tools/readme-snippets type-checks and runs against the mock.
 */
export function clientReadme(service: ServiceEntry, call: FirstCall): string {
  const client = service.name;
  const fence = '```';
  return `# ${service.clientPackage}

Typed, signed fetch client for the ${service.title} API (${service.titleZh}), generated from its OpenAPI spec
(\`${service.specDir}/\`). Node ≥ 20, browsers, workers and edge runtimes; ESM and CJS with types.

## Install

Until the packages are published to a registry, pack the client with the runtime and signer it depends on,
in a clone of this repository, and install the tarballs in your project:

${fence}sh
pnpm build && pnpm pack:clients ${service.name} --out ../packs
mkdir -p ../my-app && cd ../my-app && npm install ../packs/*.tgz
${fence}

## First call, against the mock

In the clone, \`pnpm mock\` serves every service on http://127.0.0.1:4010 and accepts its demo keys. Save this
as \`first-call.mjs\` in your project and run \`node first-call.mjs\` (plain JavaScript, type-checked as TypeScript):

${fence}ts runnable
import { createLogger, ${service.factory} } from '${service.clientPackage}';

const ${client} = ${service.factory}({
  // \`pnpm mock\`; leave it out to call ${call.endpoint}.
  endpoint: 'http://127.0.0.1:4010',
  // The signing region; the spec's by default.
  region: '${call.region}',
  // The mock's demo keys. For the real service leave \`credentials\` out, so VOLC_ACCESSKEY and
  // VOLC_SECRETKEY (then ~/.volc/config) are read, or pass a provider: never write real keys in code.
  credentials: { accessKeyId: 'AKLTmockaccesskey', secretAccessKey: 'mock-secret-key' },
  timeoutMs: 5_000, // each attempt; default 30 s
  callTimeoutMs: 20_000, // the whole call, retries and their waits included; default none
  retry: { maxRetries: 3 }, // how often idempotent Actions are retried; default 2, \`false\` for never
  logger: createLogger({ level: 'info', logger: console }), // off by default; secrets are redacted
});

const { data, error, requestId } = await ${client}.${call.action}(${call.input});
if (error) throw error; // an RpcError: error.Code, error.Message, error.status, error.RequestId
console.log(requestId, data.Result);
${fence}

Each method is named exactly as its Action and resolves to \`{ data, error, response, requestId }\`. \`error\` is
set for every answer that is not a success, also an HTTP 200 answer that carries \`ResponseMetadata.Error\`;
network failures, timeouts and aborts are thrown as \`RpcError\`. \`${client}.raw\` is the typed openapi-fetch
client for the same API. Results, errors, retries, credentials and logging work alike in every client
generated here: see [the VMS client's README](../vms/README.md); the mock's scenarios, to try failures, are
in [tools/mock-server](../../tools/mock-server/README.md).
`;
}

/** packages/<name>/tsdown.config.ts: the one build of every client (tools/codegen/src/client-build.ts). */
export const clientBuildConfig = "export { default } from '@volc-openapi/codegen/client-build';\n";

/** packages/<name>/tsconfig.json */
export const clientTsconfig = { extends: '../../tsconfig.base.json', include: ['src'] };

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/** A flat object or list (scalars only) that fits on one short line is written on one line. */
function format(value: unknown, indent: string): string {
  if (isScalar(value)) return JSON.stringify(value);
  const entries: [string | undefined, unknown][] = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.entries(value as Record<string, unknown>);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const item = ([key, inner]: [string | undefined, unknown], at: string) =>
    `${key === undefined ? '' : `${JSON.stringify(key)}: `}${format(inner, at)}`;
  const flat = `${open}${entries.length && !Array.isArray(value) ? ' ' : ''}${entries.map((entry) => item(entry, '')).join(', ')}${entries.length && !Array.isArray(value) ? ' ' : ''}${close}`;
  if (entries.every(([, inner]) => isScalar(inner)) && flat.length <= 72) return flat;
  const inner = `${indent}  `;
  return `${open}\n${entries.map((entry) => `${inner}${item(entry, inner)}`).join(',\n')}\n${indent}${close}`;
}

/** JSON text as the repo writes it (biome's layout: short flat objects and lists on one line). */
export const json = (value: unknown) => `${format(value, '')}\n`;
