// `pnpm generate` of the contract tests: the contract cases of every registry service, written to
// generated/<name>/cases.json from its bundled spec. A service whose spec and generator are unchanged
// since its cases were written keeps them (turbo reruns this task when any service changes).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digestOf, markUpToDate, renderContractCases, upToDate } from '@volc-openapi/codegen';
import { loadService, REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';
import { casesUrl } from './cases.ts';

/** What every service's cases are made by: the generator, the spec model, this script, the lockfile. */
const GENERATOR = [
  'tools/codegen/src',
  'tools/spec-model/src',
  'tools/contract-tests/src',
  'pnpm-lock.yaml',
].map((path) => join(REPO_ROOT, path));
const generator = digestOf(GENERATOR);

for (const entry of readRegistry()) {
  const bundle = join(REPO_ROOT, entry.bundle);
  const out = fileURLToPath(casesUrl(entry.name));
  const dir = dirname(out);
  const digest = digestOf([bundle]) + generator;
  if (upToDate(dir, digest)) {
    process.stdout.write(`contract cases: ${entry.name} unchanged\n`);
    continue;
  }
  const service = loadService(bundle);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(renderContractCases(service.operations, service.document), null, 2)}\n`,
  );
  markUpToDate(dir, digest);
  process.stdout.write(`contract cases: ${entry.name}, ${service.operations.length} operations → ${out}\n`);
}
