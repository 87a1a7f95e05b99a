#!/usr/bin/env node
// volc-spec-gate check    — classify the working spec against the committed baseline and decide
// volc-spec-gate baseline — write the working spec's bundle as the new baseline (after a release)
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSpec } from './bundle.ts';
import { fixedGroup, readChangesets } from './changesets.ts';
import { classify } from './classify.ts';
import { decide, formatVerdict } from './gate.ts';
import { bundleProblems, trackedGenerated } from './integrity.ts';
import type { JsonObject } from './json.ts';
import { type OpticFinding, runOptic } from './optic.ts';
import { locateSources, sourceMap } from './sources.ts';

const USAGE = `usage: volc-spec-gate <check|baseline> [options]
  --root <dir>        repository root (default: the current directory)
  --api <name>        API name in redocly.yaml (default: vms)
  --spec <file>       root file of the spec sources (default: spec/<api>/openapi.yaml)
  --baseline <file>   the committed baseline bundle (default: spec/<api>/baseline.openapi.json)
  --package <name>    the spec's package, whose changesets fixed group is checked (default: @volc-openapi/<api>-spec)
  --head <file>       compare this bundle instead of bundling the sources (check only)
  --no-optic          skip optic's generic breaking-change checks (check only)`;

function fail(message: string, code = 2): never {
  process.stderr.write(`volc-spec-gate: ${message}\n`);
  process.exit(code);
}

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      api: { type: 'string', default: 'vms' },
      spec: { type: 'string' },
      baseline: { type: 'string' },
      package: { type: 'string' },
      head: { type: 'string' },
      'no-optic': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const values = parsed.values as Record<string, string | boolean | undefined>;
const [command] = parsed.positionals;
if (values.help || !command) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(command ? 0 : 2);
}
const root = resolve(String(values.root ?? process.cwd()));
const api = String(values.api);
const specRoot = resolve(root, String(values.spec ?? `spec/${api}/openapi.yaml`));
const baselineFile = resolve(root, String(values.baseline ?? `spec/${api}/baseline.openapi.json`));
const specPackage = String(values.package ?? `@volc-openapi/${api}-spec`);

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;

if (command === 'baseline') {
  await bundleSpec({ cwd: root, api, out: baselineFile });
  const problems = bundleProblems(readFileSync(baselineFile, 'utf8'));
  if (problems.length > 0) fail(`the new baseline is not a valid bundle: ${problems.join('; ')}`, 1);
  // Pretty-printed, so a release diff of the baseline reads like the spec change it records.
  writeFileSync(baselineFile, `${JSON.stringify(readJson(baselineFile), null, 2)}\n`);
  process.stdout.write(`volc-spec-gate: baseline written to ${baselineFile}\n`);
  process.exit(0);
}
if (command !== 'check') fail(`unknown command "${command}"\n${USAGE}`);

const integrity: string[] = [];
if (!existsSync(baselineFile))
  fail(`no baseline at ${baselineFile}; create it with \`volc-spec-gate baseline\``, 1);
for (const problem of bundleProblems(readFileSync(baselineFile, 'utf8')))
  integrity.push(`the baseline ${baselineFile} is not a valid bundle: ${problem}`);
const tracked = trackedGenerated(root);
if (tracked.length > 0)
  integrity.push(
    `git tracks generated files, which must be rebuilt instead: ${tracked.slice(0, 10).join(', ')}${tracked.length > 10 ? ', ...' : ''}`,
  );

const headFile = values.head ? resolve(root, String(values.head)) : await bundleSpec({ cwd: root, api });
const base = readJson(baselineFile);
const head = readJson(headFile);
const findings = values.head
  ? classify(base, head)
  : locateSources(classify(base, head), sourceMap(specRoot, root));
let optic: OpticFinding[] = [];
// Optic writes a ci-run-details.json report into its working folder: give it a scratch one.
if (!values['no-optic'])
  optic = await runOptic(baselineFile, headFile, mkdtempSync(join(tmpdir(), 'spec-gate-optic-')));
const verdict = decide({
  findings,
  changesets: readChangesets(join(root, '.changeset')),
  group: fixedGroup(join(root, '.changeset', 'config.json'), specPackage),
  optic,
  integrity,
});
process.stdout.write(
  `spec:check ${api}: ${baselineFile} (baseline) → ${values.head ? headFile : specRoot} (working)\n`,
);
process.stdout.write(formatVerdict(verdict));
process.exit(verdict.ok ? 0 : 1);
