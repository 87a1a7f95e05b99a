// Scale benchmark: synthetic VMS-style specs of 10, 100, 1,000 and 5,000 Actions (tools/synth-spec,
// generated here and never committed) through every step of the pipeline. For each size: time and peak
// memory of lint + bundle, types + facade generation, the docs build, and type-checking a consumer
// program that calls one Action, with TypeScript 7 (the native compiler, the workspace's checker) and
// TypeScript 5 (the generator's) side by side; the size of the generated code; and how each cost grows
// per 10×.
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readService } from '@volc-openapi/spec-model';
import { synthesizeSpec } from '@volc-openapi/synth-spec';
import { emit } from './report.ts';
import { type CommandResult, runCommand } from './run-command.ts';
import { TSC_5, TSC_7 } from './tsc.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const work = fileURLToPath(new URL('../generated/scale/', import.meta.url));
const SIZES = (process.env.SCALE_SIZES ?? '10,100,1000,5000').split(',').map(Number);
// GNU time reports the peak resident memory of the command; without it memory is not reported.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time -v ' : '';
const bin = (name: string) => {
  const own = fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
  return existsSync(own) ? own : join(repo, 'node_modules/.bin', name);
};

const CONSUMER_7 = 'type-check a one-call consumer';
const CONSUMER_5 = 'type-check a one-call consumer, TypeScript 5';

const steps: Record<string, (dir: string) => string> = {
  'lint + bundle': (dir) =>
    `${TIME}${bin('redocly')} lint ${dir}/openapi.json --config ${repo}redocly.yaml --format=summary && ${TIME}${bin('redocly')} bundle ${dir}/openapi.json --config ${repo}redocly.yaml --ext json -o ${dir}/bundled.json`,
  'types + facade': (dir) =>
    `${TIME}${bin('openapi-typescript')} ${dir}/bundled.json -o ${dir}/schema.ts --default-non-nullable=false && ${TIME}node ${repo}tools/codegen/src/cli.ts facade --spec ${dir}/bundled.json --out ${dir}/facade.ts --name Synth`,
  'docs site': (dir) =>
    `${TIME}node ${repo}tools/codegen/src/cli.ts docs --spec ${dir}/bundled.json --out ${dir}/docs --client-package @volc-openapi/vms --factory createVmsClient && ${TIME}${bin('redocly')} build-docs ${dir}/docs/openapi.docs.json --config ${repo}redocly.yaml --template ${repo}packages/docs/template.hbs --inlineBundle -o ${dir}/docs/index.html && ${TIME}node ${repo}tools/codegen/src/cli.ts previews --html ${dir}/docs/index.html --previews ${dir}/docs/previews.html`,
  [CONSUMER_7]: (dir) => `${TIME}node ${TSC_7} -p ${dir}/tsconfig.json`,
  [CONSUMER_5]: (dir) => `${TIME}node ${TSC_5} -p ${dir}/tsconfig.json`,
};

/** A program that calls the first Action of the synthetic API through the generated facade. */
function writeConsumer(dir: string, spec: Record<string, unknown>): void {
  const [first] = readService(spec).operations;
  if (!first) throw new Error('the synthetic spec has no operation');
  writeFileSync(
    join(dir, 'consumer.ts'),
    `import { createRpcService } from '@volc-openapi/runtime';
import { bindOperations, operationMeta } from './facade.ts';
import type { paths } from './schema.ts';

const client = bindOperations(
  createRpcService<paths>({
    endpoint: 'http://127.0.0.1:9',
    region: 'cn-beijing',
    service: 'vms',
    credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
    operations: operationMeta,
  }),
);
const result = await client.${first.operationId}(${JSON.stringify(first.requestExample)});
console.log(result.requestId);
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: `${repo}tsconfig.base.json`,
      compilerOptions: { types: [] },
      files: ['consumer.ts'],
    }),
  );
}

const bytes = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const results = new Map<string, Map<number, CommandResult>>();

rmSync(work, { recursive: true, force: true });
for (const actions of SIZES) {
  const dir = join(work, String(actions));
  mkdirSync(dir, { recursive: true });
  const spec = synthesizeSpec({ actions });
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(spec));
  writeConsumer(dir, spec);
  for (const [step, command] of Object.entries(steps)) {
    process.stderr.write(`scale: ${actions} actions, ${step} …\n`);
    // Run inside the scale folder: openapi-typescript would otherwise pick up the repo's redocly.yaml.
    const run = await runCommand(command(dir), dir);
    const byStep = results.get(step) ?? new Map<number, CommandResult>();
    byStep.set(actions, run);
    results.set(step, byStep);
    const goal =
      actions === 1000 && step === 'types + facade'
        ? { goal: '≤ 10 s', met: run.seconds <= 10 }
        : actions === 1000 && step === 'type-check a one-call consumer'
          ? { goal: '≤ 10 s', met: run.seconds <= 10 }
          : {};
    emit({ group: `scale ${actions}`, name: `${step}: time`, value: run.seconds, unit: 's', ...goal });

    if (run.peakMiB !== undefined)
      emit({ group: `scale ${actions}`, name: `${step}: peak memory`, value: run.peakMiB, unit: 'MiB' });
  }
  const [native, classic] = [results.get(CONSUMER_7)?.get(actions), results.get(CONSUMER_5)?.get(actions)];
  if (native && classic)
    emit({
      group: `scale ${actions}`,
      name: 'type-check: TypeScript 5 / TypeScript 7',
      value: classic.seconds / native.seconds,
      unit: '×',
    });
  const generated = bytes(join(dir, 'schema.ts')) + bytes(join(dir, 'facade.ts'));
  emit({
    group: `scale ${actions}`,
    name: 'generated code (schema.ts + facade.ts)',
    value: generated / 1024,
    unit: 'KiB',
  });
  emit({
    group: `scale ${actions}`,
    name: 'docs HTML',
    value: bytes(join(dir, 'docs/index.html')) / 1024,
    unit: 'KiB',
  });
}

// Growth per 10× Actions between consecutive sizes: 10× means linear, less is sub-linear.
for (const [step, bySize] of results) {
  for (let index = 1; index < SIZES.length; index++) {
    const [small, large] = [SIZES[index - 1] as number, SIZES[index] as number];
    const [a, b] = [bySize.get(small), bySize.get(large)];
    if (!a || !b) continue;
    const perTenfold = (b.seconds / a.seconds) ** (1 / Math.log10(large / small));
    emit({
      group: 'scale growth',
      name: `${step}, ${small} → ${large} Actions`,
      value: perTenfold,
      unit: '× per 10×',
      goal: '≤ 10× (linear)',
      met: perTenfold <= 10,
    });
  }
}
