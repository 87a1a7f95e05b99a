#!/usr/bin/env node
// volc-api-report write   — rewrite every published package's api.md from its built declarations
// volc-api-report check   — fail when a committed api.md is not the built package's API
// volc-api-report release — keep the built declarations of the hand-written packages as released (a release)
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRegistry } from '@volc-openapi/spec-model';
import { ApiReportError, extractPackage } from './extract.ts';
import { publishedPackages } from './packages.ts';
import { staleReport, writeReleased, writeReport } from './report.ts';

const USAGE = `usage: volc-api-report <write|check|release> [--root <dir>] [--package <name>]...`;

function fail(message: string): never {
  process.stderr.write(`volc-api-report: ${message}\n`);
  process.exit(2);
}

const OPTIONS = { root: { type: 'string' }, package: { type: 'string', multiple: true } } as const;
function parse() {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      allowPositionals: true,
      options: OPTIONS,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
}
const parsed = parse();
const [command] = parsed.positionals;
if (command !== 'write' && command !== 'check' && command !== 'release') fail(USAGE);
const root = resolve(parsed.values.root ?? process.cwd());
const asked = parsed.values.package ?? [];
const all = publishedPackages(root);
for (const name of asked)
  if (!all.some((pkg) => pkg.name === name))
    fail(`no published package "${name}" (known: ${all.map((pkg) => pkg.name).join(', ')})`);
const packages = asked.length > 0 ? all.filter((pkg) => asked.includes(pkg.name)) : all;
// A service client's released API is its spec baseline: the gate generates it again from that.
const clients = new Set(readRegistry(root).map((service) => service.clientPackage));

let stale = 0;
for (const pkg of packages) {
  let apis: ReturnType<typeof extractPackage>;
  try {
    apis = extractPackage(pkg);
  } catch (error) {
    if (error instanceof ApiReportError) fail(error.message);
    throw error;
  }
  if (command === 'write') {
    process.stdout.write(`volc-api-report: ${relative(root, writeReport(pkg, apis))}\n`);
  } else if (command === 'check') {
    const problem = staleReport(pkg, apis, pkg.path);
    if (problem) {
      stale++;
      process.stdout.write(`volc-api-report: ${pkg.name}: ${problem}\n`);
    } else process.stdout.write(`volc-api-report: ${pkg.name}: ${pkg.path}/api.md is current\n`);
  } else if (!clients.has(pkg.name)) {
    for (const file of writeReleased(pkg, apis))
      process.stdout.write(`volc-api-report: ${relative(root, file)}\n`);
  }
}
process.exit(stale > 0 ? 1 : 0);
