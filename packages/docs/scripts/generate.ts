// `pnpm generate`: for every registry service whose spec is built, `volc-codegen docs --service <name>`
// into generated/<name>/ (docs spec, TypeScript samples, previews), and generated/tsconfig.samples.json,
// which type-checks the samples of every service whose client package this package depends on.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@volc-openapi/spec-model';
import { PACKAGE_DIR, siteServices } from './site.ts';

const generated = join(PACKAGE_DIR, 'generated');
const { built, missing } = siteServices();
if (built.length === 0) {
  console.error('docs generate: no service of spec/services.yaml has a bundled spec; build the specs first');
  process.exit(1);
}
rmSync(generated, { recursive: true, force: true });
mkdirSync(generated, { recursive: true });

for (const service of built) {
  const run = spawnSync(
    'volc-codegen',
    [
      'docs',
      '--service',
      service.entry.name,
      '--out',
      service.generatedDir,
      '--changelog-from',
      join(REPO_ROOT, service.entry.specDir),
      '--postman',
      service.entry.name,
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
for (const entry of missing)
  console.log(`docs generate: skipped ${entry.name}, ${entry.bundle} is not built`);

// A service's samples import its client package; only those this package depends on can be checked.
const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  devDependencies?: Record<string, string>;
};
const checked = built.filter((service) => manifest.devDependencies?.[service.entry.clientPackage]);
for (const service of built)
  if (!checked.includes(service))
    console.log(
      `docs generate: samples of ${service.entry.name} are not type-checked, ${service.entry.clientPackage} is not a devDependency`,
    );
writeFileSync(
  join(generated, 'tsconfig.samples.json'),
  `${JSON.stringify(
    {
      extends: '../tsconfig.json',
      include: checked.map((service) => `${service.entry.name}/samples/*.ts`),
      ...(checked.length === 0 ? { files: [] } : {}),
    },
    null,
    2,
  )}\n`,
);
