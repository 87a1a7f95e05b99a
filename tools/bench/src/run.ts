// `pnpm bench`: runs every benchmark of the repo one after another (never in parallel, so they do not
// disturb each other), then prints one table of all figures and ratios. Each benchmark measures its
// contenders side by side in its own run. `--only a,b` picks benchmarks; `--write` also records the
// table in BENCHMARKS.md with the machine it ran on.

import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchRow, collect, table } from './report.ts';
import { runCommand } from './run-command.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

const BENCHMARKS: Record<string, string> = {
  pipeline: 'node tools/bench/src/pipeline.ts',
  scale: 'node tools/bench/src/scale.ts',
  typecheck: 'node tools/bench/src/typecheck.ts',
  signer: 'pnpm --silent --filter @volc-openapi/signer bench',
  client: 'pnpm --silent --filter @volc-openapi/client-bench bench',
  sizes: 'node tools/bench/src/sizes.ts',
  docs: 'pnpm --silent --filter @volc-openapi/docs bench --actions 1000 --runs 3',
  load: 'node tools/bench/src/load.ts',
};

const { values } = parseArgs({
  options: { only: { type: 'string' }, write: { type: 'boolean', default: false } },
});
const selected = values.only ? values.only.split(',') : Object.keys(BENCHMARKS);
const unknown = selected.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}.`);
  process.exit(2);
}

const rows: BenchRow[] = [];
const failures: string[] = [];
for (const name of selected) {
  const command = BENCHMARKS[name] as string;
  process.stderr.write(`bench: ${name} (${command}) …\n`);
  try {
    const result = await runCommand(command, repo);
    const found = collect(result.stdout);
    if (found.length === 0) failures.push(`${name}: printed no BENCH rows`);
    rows.push(...found);
    process.stderr.write(`bench: ${name} done in ${result.seconds.toFixed(1)} s\n`);
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
const output = table(rows);
console.log(`\n${output}\n`);
console.log(`machine: ${machine}`);
for (const failure of failures) console.log(`FAILED ${failure}`);

if (values.write) {
  const path = `${repo}BENCHMARKS.md`;
  const intro = readFileSync(path, 'utf8').split('<!-- results -->')[0];
  const command = `pnpm bench${values.only ? ` --only ${values.only}` : ''} --write`;
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  writeFileSync(
    path,
    `${intro}<!-- results -->\n\nLatest run: ${when} UTC, \`${command}\`, on ${machine}.\n\n${output}\n${failures.map((failure) => `\nFailed: ${failure}`).join('')}\n`,
  );
  console.log(`recorded in ${path}`);
}
process.exit(failures.length > 0 ? 1 : 0);
