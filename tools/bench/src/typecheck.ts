// Type-check benchmark: TypeScript 7 (the native compiler, the workspace's checker) against TypeScript 5
// on the real code: each service's client package and the workspace's one program (root
// tsconfig.json), run one after the other in this process's machine state. Needs `pnpm build` first.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegistry } from '@volc-openapi/spec-model';
import { emit } from './report.ts';
import { runCommand } from './run-command.ts';
import { TSC_5, TSC_7 } from './tsc.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

for (const [tsc, major] of [
  [TSC_7, '7'],
  [TSC_5, '5'],
] as const) {
  const version = execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' });
  if (!version.includes(`Version ${major}.`))
    throw new Error(`${tsc} is not TypeScript ${major}: ${version}`);
}

const projects = [
  ...readRegistry(repo).map((service) => ({
    name: `${service.clientPackage} (tsconfig.json)`,
    project: join(repo, 'packages', service.name, 'tsconfig.json'),
  })),
  { name: 'the workspace (root tsconfig.json, one program)', project: join(repo, 'tsconfig.json') },
];

for (const { name, project } of projects) {
  const native = await runCommand(`node ${TSC_7} -p ${project}`, repo);
  const classic = await runCommand(`node ${TSC_5} -p ${project}`, repo);
  emit({ group: 'type-check', name: `${name}, TypeScript 7`, value: native.seconds, unit: 's' });
  emit({
    group: 'type-check',
    name: `${name}, TypeScript 5`,
    value: classic.seconds,
    unit: 's',
    ratio: `${(classic.seconds / native.seconds).toFixed(1)}× TypeScript 7`,
  });
}
