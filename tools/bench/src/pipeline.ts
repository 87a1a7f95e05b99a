// Pipeline benchmark: a cold build of a fresh clone, a fully cached rebuild, and the rebuild after
// editing one Action's file. Prints BENCH rows (see report.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit } from './report.ts';
import { runCommand } from './run-command.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const PIPELINE = 'pnpm exec turbo run build lint typecheck --output-logs=none';

const clone = mkdtempSync(join(tmpdir(), 'volc-bench-clone-'));
try {
  await runCommand(`git clone -q "${repo}" .`, clone);
  // The store already holds every package: installing is not part of what is measured.
  await runCommand('pnpm install --frozen-lockfile --offline --silent', clone);

  const cold = await runCommand(PIPELINE, clone);
  emit({
    group: 'pipeline',
    name: 'cold build (lint, bundle, types, facade, docs)',
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

  // A real content change of one operation: its summary, which reaches types, facade and docs.
  const edited = join(clone, 'spec/vms/paths/OpenDeleteResource.yaml');
  writeFileSync(edited, readFileSync(edited, 'utf8').replace(/summary: (.*)/, 'summary: $1 (edited)'));
  const edit = await runCommand(PIPELINE, clone);
  emit({
    group: 'pipeline',
    name: 'rebuild after editing one Action',
    value: edit.seconds,
    unit: 's',
    goal: '≤ 10 s',
    met: edit.seconds <= 10,
  });
} finally {
  rmSync(clone, { recursive: true, force: true });
}
