#!/usr/bin/env node
// volc-spec-gate check    — every service of spec/services.yaml: its working spec against its baseline
// volc-spec-gate baseline — write every service's working bundle as its new baseline (after a release)
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publishedPackages } from '@volc-openapi/api-report';
import { readRegistry, type ServiceEntry } from '@volc-openapi/spec-model';
import { SpecInputError } from './bundle.ts';
import { readChangesets } from './changesets.ts';
import {
  type CheckOptions,
  checkPackages,
  checkReports,
  checkServices,
  formatReport,
  type WorkingSource,
  writeBaseline,
} from './check.ts';
import { trackedGenerated } from './integrity.ts';

const USAGE = `usage: volc-spec-gate <check|baseline> [options]
  --root <dir>        repository root (default: the current directory)
  --service <name>    only this service of spec/services.yaml (repeatable; default: every service)
  --baseline <file>   this baseline file instead of spec/<service>/baseline.openapi.json (one service only)
  --head <file>       compare this bundle instead of bundling the sources (check, one service only)
  --bundled           compare the built bundles, spec/<service>/dist/openapi.json (check only)
  --no-api            skip what consumers compile against: client types, docs samples, package exports (check only)
  --verbose           list every compatible change (default: counted by kind)`;

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
      service: { type: 'string', multiple: true },
      baseline: { type: 'string' },
      head: { type: 'string' },
      bundled: { type: 'boolean', default: false },
      'no-api': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
const [command] = parsed.positionals;
if (values.help || !command) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(command ? 0 : 2);
}
if (command !== 'check' && command !== 'baseline') fail(`unknown command "${command}"\n${USAGE}`);
const root = resolve(String(values.root ?? process.cwd()));

let services: ServiceEntry[];
try {
  const registry = readRegistry(root);
  const asked = (values.service as string[] | undefined) ?? [];
  for (const name of asked)
    if (!registry.some((service) => service.name === name))
      fail(`no service "${name}" in spec/services.yaml (known: ${registry.map((s) => s.name).join(', ')})`);
  services = asked.length > 0 ? registry.filter((service) => asked.includes(service.name)) : registry;
} catch (error) {
  fail((error as Error).message);
}
for (const option of ['baseline', 'head'])
  if (values[option] !== undefined && services.length !== 1)
    fail(
      `--${option} names one file: choose one service with --service (known: ${services.map((s) => s.name).join(', ')})`,
    );
if (values.head !== undefined && values.bundled) fail('--head and --bundled exclude each other');
const baselineFile = values.baseline === undefined ? undefined : resolve(root, String(values.baseline));

if (command === 'baseline') {
  let failed = false;
  for (const service of services) {
    const result = await writeBaseline(root, service, baselineFile);
    if (result.problem) {
      failed = true;
      process.stderr.write(`volc-spec-gate: no baseline written for ${service.name}: ${result.problem}\n`);
    } else process.stdout.write(`volc-spec-gate: ${service.name} baseline written to ${result.file}\n`);
  }
  process.exit(failed ? 1 : 0);
}

const repository: string[] = [];
const tracked = trackedGenerated(root);
if (tracked.length > 0)
  repository.push(
    `git tracks generated files, which must be rebuilt instead: ${tracked.slice(0, 10).join(', ')}${tracked.length > 10 ? ', ...' : ''}`,
  );
let changesets: ReturnType<typeof readChangesets>;
try {
  changesets = readChangesets(join(root, '.changeset'));
} catch (error) {
  fail((error as Error).message, 1);
}
const head = values.head === undefined ? undefined : resolve(root, String(values.head));
const working = (): WorkingSource =>
  head ? { kind: 'file', file: head } : values.bundled ? { kind: 'bundled' } : { kind: 'sources' };
const api = !values['no-api'];
// Only a whole run judges the packages: --service narrows the check to those services' specs and clients.
const packages = api
  ? publishedPackages(root).filter(
      (pkg) => !values.service || services.some((s) => s.clientPackage === pkg.name),
    )
  : [];
const options: CheckOptions = {
  root,
  services,
  changesets,
  changesetConfig: join(root, '.changeset', 'config.json'),
  working,
  ...(baselineFile ? { baseline: () => baselineFile } : {}),
  api,
  staleReports: checkReports(packages),
};
let checks: Awaited<ReturnType<typeof checkServices>>;
try {
  checks = await checkServices(options);
} catch (error) {
  if (error instanceof SpecInputError) fail(error.message);
  throw error;
}
const packageChecks = checkPackages(options, packages);
process.stdout.write(
  formatReport(
    { services: checks, packages: packageChecks, repository, verbose: Boolean(values.verbose) },
    root,
  ),
);
const ok = repository.length === 0 && [...checks, ...packageChecks].every((check) => check.ok);
process.exit(ok ? 0 : 1);
