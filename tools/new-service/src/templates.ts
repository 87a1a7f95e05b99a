// The files of one service outside its spec folder, templated from its registry entry: the client
// package (its code is generated at build time) and its registry line. `pnpm new-service` writes them
// together with a spec skeleton; every client package of the repo was made by these templates.
import type { ServiceEntry } from '@volc-openapi/spec-model';

export interface Manifest {
  [key: string]: unknown;
}

/** packages/<name>/package.json */
export function clientManifest(service: ServiceEntry, version = '0.0.0'): Manifest {
  return {
    name: service.clientPackage,
    version,
    description: `Typed, signed fetch client for the ${service.title} API, generated from its OpenAPI spec`,
    type: 'module',
    sideEffects: false,
    license: 'MIT',
    engines: { node: '>=20' },
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

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
