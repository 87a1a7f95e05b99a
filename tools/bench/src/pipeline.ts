// Pipeline benchmark: a cold build of a fresh clone (every service of the registry) that fills a remote
// cache (`pnpm cache:serve`), a fully cached rebuild, the rebuild after editing one Action's file of
// each service, and a second fresh clone built from the warm remote cache. Prints BENCH rows (see
// report.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchCacheServer } from '@volc-openapi/cache-server/launch';
import { readRegistry } from '@volc-openapi/spec-model';
import { emit } from './report.ts';
import { runCommand } from './run-command.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const PIPELINE = 'pnpm exec turbo run build lint typecheck --output-logs=none';

/** A fresh clone of the repository, installed from the store (installing is not what is measured). */
async function freshClone(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'volc-bench-clone-'));
  await runCommand(`git clone -q "${repo}" .`, dir);
  await runCommand('pnpm install --frozen-lockfile --offline --silent', dir);
  return dir;
}

const clone = await freshClone();
const second = await freshClone();
const storage = mkdtempSync(join(tmpdir(), 'volc-bench-remote-'));
const remote = await launchCacheServer(storage, 'bench-remote-cache');
try {
  const services = readRegistry(clone);
  // The cold build also uploads every task's outputs to the remote cache, as a CI run would.
  const cold = await runCommand(PIPELINE, clone, remote.env);
  emit({
    group: 'pipeline',
    name: `cold build of ${services.length} services (lint, bundle, types, facade, docs), filling the remote cache`,
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
      goal: '≤ 5 s',
      met: edit.seconds <= 5,
    });
  }

  // Another clone, as a teammate's laptop or the next CI run has it: every task comes from the remote cache.
  const warm = await runCommand(PIPELINE, second, remote.env);
  emit({
    group: 'pipeline',
    name: 'second fresh clone with a warm remote cache',
    value: warm.seconds,
    unit: 's',
    goal: '≤ 10 s',
    met: warm.seconds <= 10,
  });
} finally {
  remote.server.kill('SIGTERM');
  for (const dir of [clone, second, storage]) rmSync(dir, { recursive: true, force: true });
}
