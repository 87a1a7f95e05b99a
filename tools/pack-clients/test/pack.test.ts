// The packed clients install and work outside the monorepo: `pnpm pack:clients vms credentials` packs
// the VMS client and the credentials package with what they need (the STS client, the runtime, the
// signer); npm installs the tarballs into a new project (openapi-fetch from the registry); the project
// calls the mock with each client, as ESM, the second with keys from the mock's STS AssumeRole.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MOCK_CREDENTIALS, startMockServer } from '@volc-openapi/mock-server';
import { loadService, REPO_ROOT } from '@volc-openapi/spec-model';
import { afterAll, beforeAll, expect, it } from 'vitest';

const run = promisify(execFile);
let work: string;
let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pack-clients-'));
  mock = await startMockServer({
    specs: ['vms', 'sts'].map((name) => loadService(join(REPO_ROOT, `spec/${name}/dist/openapi.json`))),
  });
});
afterAll(async () => {
  await mock?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

it('packs the clients with the packages they need, and npm installs and runs them', async () => {
  const printed = execFileSync(
    'pnpm',
    ['--silent', 'pack:clients', 'vms', 'credentials', '--out', join(work, 'packs')],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  const tarballs = printed
    .split('\n')
    .filter((line) => line.startsWith('  /'))
    .map((line) => line.trim());
  expect(tarballs.map((file) => file.replace(/.*\/volc-openapi-(\w+)-[\d.]+\.tgz$/, '$1')).sort()).toEqual([
    'credentials',
    'runtime',
    'signer',
    'sts',
    'vms',
  ]);
  expect(printed).toContain(`npm install ${tarballs.join(' ')}`);

  const project = join(work, 'app');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], {
    cwd: project,
    encoding: 'utf8',
    timeout: 240_000,
  });
  writeFileSync(
    join(project, 'call.js'),
    `import { createVmsClient } from '@volc-openapi/vms';
import { createStsClient } from '@volc-openapi/sts';
import { fromAssumeRole } from '@volc-openapi/credentials';
const options = { endpoint: process.env.MOCK_URL, credentials: JSON.parse(process.env.KEYS), timeoutMs: 5000 };
const vms = await createVmsClient(options).QueryUsableResourceV2({ Type: 1 });
const sts = await createStsClient(options).GetCallerIdentity();
const role = fromAssumeRole({ roleTrn: 'trn:iam::2000012345:role/app', source: options.credentials, sts: { endpoint: options.endpoint } });
const assumed = await createVmsClient({ ...options, credentials: role }).QueryUsableResourceV2({ Type: 1 });
console.log(JSON.stringify({
  vms: vms.error ?? vms.data.ResponseMetadata.Action,
  sts: sts.error ?? sts.data.ResponseMetadata.Action,
  assumed: assumed.error ?? (await role()).accessKeyId.slice(0, 4),
}));
`,
  );
  // Asynchronously: the mock answers from this process.
  const { stdout } = await run('node', ['call.js'], {
    cwd: project,
    env: { ...process.env, MOCK_URL: mock.url, KEYS: JSON.stringify(MOCK_CREDENTIALS) },
    encoding: 'utf8',
  });
  expect(JSON.parse(stdout)).toEqual({
    vms: 'QueryUsableResourceV2',
    sts: 'GetCallerIdentity',
    assumed: 'AKTP',
  });
});
