// `pnpm generate`: for every registry service whose spec is built, `volc-codegen docs --service <name>`
// into generated/<name>/ (docs spec, TypeScript samples, previews), unless its inputs are unchanged since
// (scripts/inputs.ts); the samples are type-checked by the workspace's one type check.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markUpToDate, upToDate } from '@volc-openapi/codegen';
import { REPO_ROOT } from '@volc-openapi/spec-model';
import { generateDigest, removeOthers } from './inputs.ts';
import { runTool } from './run-tool.ts';
import { PACKAGE_DIR, siteServices } from './site.ts';

const generated = join(PACKAGE_DIR, 'generated');
const { built, missing } = siteServices();
if (built.length === 0) {
  console.error('docs generate: no service of spec/services.yaml has a bundled spec; build the specs first');
  process.exit(1);
}
mkdirSync(generated, { recursive: true });
removeOthers(generated, built);

for (const service of built) {
  const digest = generateDigest(service);
  if (upToDate(service.generatedDir, digest)) {
    console.log(`docs generate: ${service.entry.name} unchanged`);
    continue;
  }
  runTool('generate', 'volc-codegen', [
    'docs',
    '--service',
    service.entry.name,
    '--out',
    service.generatedDir,
    '--changelog-from',
    join(REPO_ROOT, service.entry.specDir),
    '--postman',
    service.entry.name,
  ]);
  markUpToDate(service.generatedDir, digest);
}
for (const entry of missing)
  console.log(`docs generate: skipped ${entry.name}, ${entry.bundle} is not built`);

// A service's samples import its client package: the workspace's one type check (root tsconfig.json)
// resolves it only when this package depends on it, as `pnpm new-service` arranges.
const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  devDependencies?: Record<string, string>;
};
for (const service of built)
  if (!manifest.devDependencies?.[service.entry.clientPackage])
    console.log(
      `docs generate: add ${service.entry.clientPackage} to this package's devDependencies, or the type check cannot resolve the samples of ${service.entry.name}`,
    );
