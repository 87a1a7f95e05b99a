// Pipeline benchmark: a cold build of a fresh clone (every service of the registry), a fully cached
// rebuild, and the rebuild after editing one Action's file of each service. Prints BENCH rows (see
// report.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegistry } from '@volc-openapi/spec-model';
import { emit } from './report.ts';
import { runCommand } from './run-command.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const PIPELINE = 'pnpm exec turbo run build lint typecheck --output-logs=none';

const clone = mkdtempSync(join(tmpdir(), 'volc-bench-clone-'));
try {
  await runCommand(`git clone -q "${repo}" .`, clone);
  // The store already holds every package: installing is not part of what is measured.
  await runCommand('pnpm install --frozen-lockfile --offline --silent', clone);

  const services = readRegistry(clone);
  const cold = await runCommand(PIPELINE, clone);
  emit({
    group: 'pipeline',
    name: `cold build of ${services.length} services (lint, bundle, types, facade, docs)`,
    value: cold.seconds,
    unit: 's',
    goal: '≤ 30 s',
    met: cold.seconds <= 30,
  });

  const contract = await runCommand('pnpm exec vitest run --project contract --reporter=dot', clone);
  emit({
    group: 'pipeline',
    name: 'contract tests after the cold build',
    value: contract.seconds,
    unit: 's',
  });

  const cached = await runCommand(PIPELINE, clone);
  emit({
    group: 'pipeline',
    name: 'fully cached rebuild',
    value: cached.seconds,
    unit: 's',
    goal: '≤ 1 s',
    met: cached.seconds <= 1,
  });

  // A real content change of one operation per service: its summary, which reaches types, facade and docs.
  for (const service of services) {
    const paths = join(clone, service.specDir, 'paths');
    const [first] = readdirSync(paths).sort();
    if (!first) continue;
    const edited = join(paths, first);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/summary: (.*)/, 'summary: $1 (edited)'));
    const edit = await runCommand(PIPELINE, clone);
    emit({
      group: 'pipeline',
      name: `rebuild after editing one ${service.name} Action (${first})`,
      value: edit.seconds,
      unit: 's',
      goal: '≤ 10 s',
      met: edit.seconds <= 10,
    });
  }
} finally {
  rmSync(clone, { recursive: true, force: true });
}
