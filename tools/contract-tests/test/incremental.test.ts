// Per-service regeneration of the contract cases: after a build, generating again rewrites no
// service's cases (its spec and the generator are unchanged).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readRegistry } from '@volc-openapi/spec-model';
import { expect, it } from 'vitest';
import { casesUrl } from '../src/cases.ts';

it('pnpm generate keeps the cases of every unchanged service', () => {
  const services = readRegistry();
  const mtimes = () => services.map((service) => statSync(casesUrl(service.name)).mtimeMs);
  const before = mtimes();
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('../src/generate.ts', import.meta.url))], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  for (const service of services) expect(run.stdout).toContain(`contract cases: ${service.name} unchanged`);
  expect(mtimes()).toEqual(before);
});
