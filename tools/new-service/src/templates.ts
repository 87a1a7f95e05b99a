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
      build: 'tsup src/generated/index.ts --format esm,cjs --dts --clean --treeshake --target es2022',
      typecheck: 'tsc -p tsconfig.json',
      'test:exports': 'attw --pack . --profile node16 && publint --strict',
    },
    dependencies: {
      '@volc-openapi/runtime': 'workspace:^',
      '@volc-openapi/signer': 'workspace:^',
      'openapi-fetch': '0.17.0',
    },
    devDependencies: {
      '@arethetypeswrong/cli': '0.18.5',
      '@volc-openapi/codegen': 'workspace:*',
      [service.specPackage]: 'workspace:*',
      publint: '0.3.25',
      tsup: '9.0.0',
    },
  };
}

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
