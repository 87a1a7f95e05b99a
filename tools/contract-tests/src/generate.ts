// `pnpm generate` of the contract tests: the contract cases of every registry service, written to
// generated/<name>/cases.json from its bundled spec.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderContractCases } from '@volc-openapi/codegen';
import { loadService, REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';
import { casesUrl } from './cases.ts';

for (const entry of readRegistry()) {
  const service = loadService(join(REPO_ROOT, entry.bundle));
  const out = fileURLToPath(casesUrl(entry.name));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(renderContractCases(service.operations, service.document), null, 2)}\n`,
  );
  process.stdout.write(`contract cases: ${entry.name}, ${service.operations.length} operations → ${out}\n`);
}
