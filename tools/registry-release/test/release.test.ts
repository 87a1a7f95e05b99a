// The release as another team meets it. `changeset publish` (the last step of `pnpm release`) publishes
// every public package to a local Verdaccio; projects outside the workspace install the three clients
// and the credentials package from it with npm and with pnpm, type-check a call under node16 and
// bundler resolution, run it as ESM and as CJS against the mock, and bundle it with one runtime and
// one signer for three clients. The published manifests and tarballs are checked on the way.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MOCK_CREDENTIALS, type RunningMockServer, startMockServer } from '@volc-openapi/mock-server';
import { loadService, REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';
import { readWorkspace } from '@volc-openapi/workspace-graph';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRegistry, startRegistry } from '../src/index.ts';

const exec = promisify(execFile);
const TSC = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const CONSUMED = ['@volc-openapi/vms', '@volc-openapi/sms', '@volc-openapi/sts', '@volc-openapi/credentials'];
const rootManifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  repository: { url: string };
};
const publicPackages = [...readWorkspace().values()].filter(
  (pkg) =>
    !(JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as { private?: boolean }).private,
);

let work: string;
let registry: LocalRegistry;
let mock: RunningMockServer;
let published: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'registry-release-'));
  registry = await startRegistry(join(work, 'verdaccio'));
  mock = await startMockServer({
    specs: readRegistry().map((entry) => loadService(join(REPO_ROOT, entry.bundle))),
  });
  writeFileSync(join(work, 'publisher.npmrc'), registry.npmrc);
  const { stdout, stderr } = await exec('pnpm', ['exec', 'changeset', 'publish', '--no-git-tag'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      npm_config_registry: registry.url,
      npm_config_userconfig: join(work, 'publisher.npmrc'),
    },
    maxBuffer: 32 * 1024 * 1024,
  });
  published = stdout + stderr;
});

afterAll(async () => {
  await mock?.close();
  await registry?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Packument {
  'dist-tags': { latest: string };
  versions: Record<string, Record<string, unknown> & { dist: { tarball: string } }>;
}

const packument = async (name: string) =>
  (await (await fetch(`${registry.url}${name.replace('/', '%2f')}`)).json()) as Packument;

describe('published to the registry', () => {
  it('holds every public package of the workspace at its version', async () => {
    expect(publicPackages.length).toBeGreaterThanOrEqual(9);
    for (const pkg of publicPackages) {
      const version = (JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as { version: string })
        .version;
      expect((await packument(pkg.name))['dist-tags']?.latest, `${pkg.name}\n${published}`).toBe(version);
    }
  });

  it('publishes manifests with real ranges and the fields consumers rely on', async () => {
    for (const pkg of publicPackages) {
      const document = await packument(pkg.name);
      const manifest = document.versions[document['dist-tags'].latest] as Record<string, unknown>;
      expect(JSON.stringify(manifest), pkg.name).not.toContain('workspace:');
      expect(manifest, pkg.name).toMatchObject({
        license: 'MIT',
        repository: {
          type: 'git',
          url: rootManifest.repository.url,
          directory: pkg.dir.slice(REPO_ROOT.length),
        },
        engines: { node: '>=20' },
        sideEffects: false,
        publishConfig: { access: 'public' },
      });
    }
  });

  it('packs no tests, no .env and no source map pointing outside the package', async () => {
    for (const pkg of publicPackages) {
      const document = await packument(pkg.name);
      const tarball = join(work, `${pkg.name.replace('/', '-')}.tgz`);
      writeFileSync(
        tarball,
        Buffer.from(
          await (
            await fetch(document.versions[document['dist-tags'].latest]?.dist.tarball ?? '')
          ).arrayBuffer(),
        ),
      );
      const { stdout } = await exec('tar', ['-tzf', tarball]);
      const files = stdout.trim().split('\n');
      expect(
        files.filter((file) => /(^|\/)(test|tests|__tests__)\/|\.test\.|(^|\/)\.env/.test(file)),
        pkg.name,
      ).toEqual([]);
      for (const map of files.filter((file) => file.endsWith('.map'))) {
        const { stdout: text } = await exec('tar', ['-xzOf', tarball, map]);
        const sources = (JSON.parse(text) as { sources: string[] }).sources;
        expect(
          sources.filter((source) => source.startsWith('../../')),
          `${pkg.name} ${map}`,
        ).toEqual([]);
      }
    }
  });
});

const CALL = `import { createVmsClient } from '@volc-openapi/vms';
import { createSmsClient } from '@volc-openapi/sms';
import { createStsClient } from '@volc-openapi/sts';
import { fromAssumeRole } from '@volc-openapi/credentials';

/** One call with each client, the VMS one with keys from STS AssumeRole; the Actions answered. */
export async function call(endpoint: string, keys: { accessKeyId: string; secretAccessKey: string }): Promise<string[]> {
  const vms = await createVmsClient({ endpoint, credentials: keys }).QueryUsableResourceV2({ Type: 1 });
  const sms = await createSmsClient({ endpoint, credentials: keys }).GetSubAccountList({});
  const sts = await createStsClient({ endpoint, credentials: keys }).GetCallerIdentity();
  const role = fromAssumeRole({ roleTrn: 'trn:iam::2000012345:role/app', source: keys, sts: { endpoint } });
  const assumed = await createVmsClient({ endpoint, credentials: role }).QueryUsableResourceV2({ Type: 1 });
  return [vms, sms, sts, assumed].map((result) => (result.error ? result.error.Code : result.data.ResponseMetadata.Action));
}
`;
const CJS = `const { createVmsClient } = require('@volc-openapi/vms');
const { createSmsClient } = require('@volc-openapi/sms');
const { createStsClient } = require('@volc-openapi/sts');
const { fromAssumeRole } = require('@volc-openapi/credentials');
const endpoint = process.env.MOCK_URL;
const keys = JSON.parse(process.env.KEYS);
(async () => {
  const vms = await createVmsClient({ endpoint, credentials: keys }).QueryUsableResourceV2({ Type: 1 });
  const sms = await createSmsClient({ endpoint, credentials: keys }).GetSubAccountList({});
  const sts = await createStsClient({ endpoint, credentials: keys }).GetCallerIdentity();
  const role = fromAssumeRole({ roleTrn: 'trn:iam::2000012345:role/app', source: keys, sts: { endpoint } });
  const assumed = await createVmsClient({ endpoint, credentials: role }).QueryUsableResourceV2({ Type: 1 });
  console.log(JSON.stringify([vms, sms, sts, assumed].map((r) => (r.error ? r.error.Code : r.data.ResponseMetadata.Action))));
})();
`;
/** A Node project has Node's types: the signer's Node entry speaks of Buffer. */
const NODE_TYPES = '@types/node@22';
const ANSWERED = ['QueryUsableResourceV2', 'GetSubAccountList', 'GetCallerIdentity', 'QueryUsableResourceV2'];
const tsconfig = (module: string, moduleResolution: string, extra: object = {}) =>
  JSON.stringify({
    compilerOptions: {
      target: 'es2022',
      module,
      moduleResolution,
      strict: true,
      skipLibCheck: false,
      types: ['node'],
      ...extra,
    },
    files: ['call.ts'],
  });

describe.each([
  ['npm', ['npm', 'install', '--no-audit', '--no-fund', '--loglevel=error', ...CONSUMED, NODE_TYPES]],
  ['pnpm', ['pnpm', 'add', '--reporter=silent', ...CONSUMED, NODE_TYPES]],
])('a project outside the workspace, installed with %s', (manager, command) => {
  let project: string;
  beforeAll(async () => {
    project = join(work, `app-${manager}`);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
    writeFileSync(join(project, '.npmrc'), `@volc-openapi:registry=${registry.url}\n`);
    writeFileSync(join(project, 'call.ts'), CALL);
    writeFileSync(join(project, 'call.cjs'), CJS);
    writeFileSync(
      join(project, 'tsconfig.node16.json'),
      tsconfig('node16', 'node16', { outDir: 'out', declaration: false }),
    );
    writeFileSync(join(project, 'tsconfig.bundler.json'), tsconfig('esnext', 'bundler', { noEmit: true }));
    const [bin, ...args] = command as [string, ...string[]];
    await exec(bin, args, {
      cwd: project,
      env: { ...process.env, npm_config_userconfig: join(project, '.npmrc') },
    });
  });

  it('installs the clients from the registry with one runtime and one signer', async () => {
    for (const name of ['runtime', 'signer']) {
      const { stdout } = await exec(manager, ['ls', '--depth=Infinity', '--json', `@volc-openapi/${name}`], {
        cwd: project,
      });
      const versions = new Set(
        [...stdout.matchAll(new RegExp(`"@volc-openapi/${name}"[^}]*?"version": "([^"]+)"`, 'g'))].map(
          (m) => m[1],
        ),
      );
      expect(versions.size, `${manager} ls @volc-openapi/${name}\n${stdout}`).toBe(1);
    }
  });

  it('type-checks the call under node16 and bundler resolution', async () => {
    for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
      const result = await exec(process.execPath, [TSC, '-p', config], { cwd: project }).catch(
        (error: { stdout: string }) => error,
      );
      expect('stdout' in result ? result.stdout : '', config).toBe('');
    }
  });

  it('runs as ESM and as CJS against the mock', async () => {
    writeFileSync(
      join(project, 'run.mjs'),
      `import { call } from './out/call.js';\nconsole.log(JSON.stringify(await call(process.env.MOCK_URL, JSON.parse(process.env.KEYS))));\n`,
    );
    const env = { ...process.env, MOCK_URL: mock.url, KEYS: JSON.stringify(MOCK_CREDENTIALS) };
    for (const script of ['run.mjs', 'call.cjs']) {
      const { stdout } = await exec(process.execPath, [script], { cwd: project, env });
      expect(JSON.parse(stdout), script).toEqual(ANSWERED);
    }
  });

  it('bundles three clients with one runtime and one signer', async () => {
    const result = await build({
      entryPoints: [join(project, 'call.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      absWorkingDir: project,
      logLevel: 'silent',
    });
    const roots = (name: string) =>
      new Set(
        Object.keys(result.metafile.inputs)
          .map((input) => new RegExp(`^(.*node_modules/@volc-openapi/${name})/`).exec(input)?.[1])
          .filter(Boolean),
      );
    expect(roots('runtime').size).toBe(1);
    expect(roots('signer').size).toBe(1);
    expect(['vms', 'sms', 'sts', 'credentials'].map((name) => roots(name).size)).toEqual([1, 1, 1, 1]);
  });
});
