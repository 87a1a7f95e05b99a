// The gate over every service of the registry: each service's working bundle against its own baseline,
// judged on its own (its own changesets group), reported per service; and writing the baselines.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  ApiReportError,
  extractPackage,
  type PublishedPackage,
  RELEASED_DIR,
  releasedEntries,
  staleReport,
} from '@volc-openapi/api-report';
import { type JsonObject, readService, type ServiceEntry, type ServiceModel } from '@volc-openapi/spec-model';
import { bundleSpec, SpecInputError } from './bundle.ts';
import { type Changeset, fixedGroup, serviceGroup } from './changesets.ts';
import { classifyServices } from './classify.ts';
import { clientApiFindings } from './client-api.ts';
import { canonical } from './document.ts';
import type { Finding } from './findings.ts';
import { decide, formatVerdict, type GateVerdict } from './gate.ts';
import { bundleProblems } from './integrity.ts';
import { packageApiFindings } from './package-api.ts';
import { locateSources, type SourceMap, sourceMap } from './sources.ts';

/** Where a service's working spec comes from. */
export type WorkingSource =
  /** Bundle the sources with redocly (`redocly bundle <name>`), as the spec package's build does. */
  | { kind: 'sources' }
  /** The built bundle of the registry (`spec/<name>/dist/openapi.json`). */
  | { kind: 'bundled' }
  /** A given bundle file. */
  | { kind: 'file'; file: string };

export interface CheckOptions {
  /** Repository root. */
  root: string;
  /** The services to check (the registry, or the ones asked for). */
  services: ServiceEntry[];
  changesets: Changeset[];
  /** `.changeset/config.json`, for the fixed groups. */
  changesetConfig: string;
  working?: (service: ServiceEntry) => WorkingSource;
  /** A baseline file instead of the registry's `spec/<name>/baseline.openapi.json`. */
  baseline?: (service: ServiceEntry) => string;
  /** Compare what consumers compile against: the clients' types and samples, the packages' exports (default true). */
  api?: boolean;
  /** Why a published package's committed API report is stale, by package name (see `checkReports`). */
  staleReports?: Map<string, string>;
}

export type ServiceCheck =
  | {
      service: ServiceEntry;
      status: 'checked';
      ok: boolean;
      baselineFile: string;
      /** What was compared with the baseline: the spec's root file or the bundle given. */
      working: string;
      /** What the baseline releases, all of it gated: distinct Actions and operations (Action × Version). */
      released: { actions: number; operations: number };
      verdict: GateVerdict;
    }
  | {
      service: ServiceEntry;
      status: 'unreleased';
      ok: true;
      baselineFile: string;
      /** Distinct Actions of the working spec, when it could be read. */
      actions?: number;
      /** Why the working spec could not be read (not a failure: nothing is released). */
      problem?: string;
    };

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The working bundle of a service, bundled or read as `source` says. */
async function workingBundle(
  root: string,
  service: ServiceEntry,
  source: WorkingSource,
): Promise<{ file: string; shown: string; sources?: string }> {
  if (source.kind === 'file') return { file: source.file, shown: source.file };
  const sources = join(root, service.specDir, 'openapi.yaml');
  if (source.kind === 'bundled') {
    const file = join(root, service.bundle);
    if (!existsSync(file))
      throw new Error(`no bundle at ${service.bundle}; build it first: cd ${service.specDir} && pnpm build`);
    return { file, shown: service.bundle, ...(existsSync(sources) ? { sources } : {}) };
  }
  const file = await bundleSpec({ cwd: root, api: service.name });
  return { file, shown: relative(root, sources), sources };
}

/** Checks one service: its working spec against its baseline, with its own changesets group. */
export async function checkService(options: CheckOptions, service: ServiceEntry): Promise<ServiceCheck> {
  const { root } = options;
  const baselineFile = options.baseline?.(service) ?? join(root, service.baseline);
  const source = options.working?.(service) ?? { kind: 'sources' };
  let working: { file: string; shown: string; sources?: string } | undefined;
  let workingProblem: string | undefined;
  let workingError: unknown;
  try {
    working = await workingBundle(root, service, source);
  } catch (error) {
    workingError = error;
    workingProblem = message(error);
  }

  if (!existsSync(baselineFile)) {
    if (!working) return { service, status: 'unreleased', ok: true, baselineFile, problem: workingProblem };
    try {
      const model = readService(readJson(working.file));
      return {
        service,
        status: 'unreleased',
        ok: true,
        baselineFile,
        actions: new Set(model.operations.map((operation) => operation.action)).size,
      };
    } catch (error) {
      return { service, status: 'unreleased', ok: true, baselineFile, problem: message(error) };
    }
  }

  const integrity: string[] = [];
  const shownBaseline = relative(root, baselineFile) || baselineFile;
  const baselineText = readFileSync(baselineFile, 'utf8');
  for (const problem of bundleProblems(baselineText))
    integrity.push(`the baseline ${shownBaseline} is not a valid bundle: ${problem}`);
  let base: ServiceModel | undefined;
  let head: ServiceModel | undefined;
  if (integrity.length === 0)
    try {
      base = readService(JSON.parse(baselineText));
    } catch (error) {
      integrity.push(`the baseline ${shownBaseline} is unusable: ${message(error)}`);
    }
  // A released service's spec that does not bundle is bad input, told as the one line that names it.
  if (workingError instanceof SpecInputError) throw workingError;
  if (!working) integrity.push(`the working spec cannot be bundled: ${workingProblem}`);
  else
    try {
      head = readService(readJson(working.file));
    } catch (error) {
      integrity.push(`the working spec ${working.shown} is unusable: ${message(error)}`);
    }

  let findings = base && head ? classifyServices(base, head) : [];
  // The same spec makes the same client from the same generator: only a changed one is compiled.
  if (base && head && options.api !== false && canonical(base.document) !== canonical(head.document))
    findings.push(...(await clientApiFindings(service, base, head)));
  if (working?.sources && source.kind !== 'file')
    findings = pointAtEdits(findings, sourceMap(working.sources, root));
  const stale = options.staleReports?.get(service.clientPackage);
  if (stale) integrity.push(stale);
  const verdict = decide({
    findings,
    changesets: options.changesets,
    group: serviceGroup(options.changesetConfig, service),
    integrity,
  });
  return {
    service,
    status: 'checked',
    ok: verdict.ok,
    baselineFile,
    working: working?.shown ?? relative(root, join(root, service.specDir, 'openapi.yaml')),
    released: {
      actions: new Set(base?.operations.map((operation) => operation.action)).size,
      operations: base?.operations.length ?? 0,
    },
    verdict,
  };
}

/**
 * Source lines for every finding. A type-level finding of an operation points where the spec rules
 * found that operation's change, when they did: that is the edit which caused it.
 */
function pointAtEdits(findings: Finding[], map: SourceMap): Finding[] {
  const located = locateSources(findings, map);
  const specFinding = new Map<string, string>();
  for (const finding of [...located].sort(
    (a, b) => (a.severity === 'breaking' ? -1 : 0) - (b.severity === 'breaking' ? -1 : 0),
  ))
    if (finding.source && !isTypeLevel(finding))
      specFinding.set(`${finding.action} ${finding.version}`, finding.source);
  return located.map((finding) => {
    const source = isTypeLevel(finding) ? specFinding.get(`${finding.action} ${finding.version}`) : undefined;
    return source ? { ...finding, source } : finding;
  });
}

const isTypeLevel = (finding: Finding) => finding.rule.startsWith('api-') || finding.rule === 'consumer-code';

/** Checks every service given, one after the other, each judged on its own. */
export async function checkServices(options: CheckOptions): Promise<ServiceCheck[]> {
  const results: ServiceCheck[] = [];
  for (const service of options.services) results.push(await checkService(options, service));
  return results;
}

/** One section of the report: the header naming the service, then its findings and verdict. */
export function formatServiceCheck(check: ServiceCheck, root: string, verbose = false): string {
  const { service } = check;
  const baseline = relative(root, check.baselineFile) || check.baselineFile;
  const head = `spec:check ${service.name} (${service.title})`;
  if (check.status === 'unreleased') {
    const what =
      check.actions !== undefined
        ? `${check.actions} Action${check.actions === 1 ? '' : 's'} not yet released`
        : `not yet released; its working spec cannot be read yet (${check.problem})`;
    return `${head}: no baseline: ${what}\n  (${baseline} is written by \`pnpm spec:baseline\` when it is first released)\n`;
  }
  const { actions, operations } = check.released;
  return `${head}: ${baseline} (baseline) → ${check.working} (working)
Released and gated: ${actions} Action${actions === 1 ? '' : 's'} (${operations} operation${operations === 1 ? '' : 's'}) of the baseline
${formatVerdict(check.verdict, service.clientPackage, verbose)}`;
}

/** A hand-written published package (runtime, signer, credentials): its built exports against its release. */
export type PackageCheck =
  | { pkg: PublishedPackage; status: 'checked'; ok: boolean; verdict: GateVerdict }
  | { pkg: PublishedPackage; status: 'unreleased'; ok: boolean; problems: string[] };

/**
 * Why each published package's committed `api.md` is not its built API, by package name; a package
 * that cannot be read (not built, declarations that do not compile) is named the same way.
 */
export function checkReports(packages: PublishedPackage[]): Map<string, string> {
  const stale = new Map<string, string>();
  for (const pkg of packages) {
    try {
      const problem = staleReport(pkg, extractPackage(pkg), pkg.path);
      if (problem) stale.set(pkg.name, problem);
    } catch (error) {
      if (!(error instanceof ApiReportError)) throw error;
      stale.set(pkg.name, error.message);
    }
  }
  return stale;
}

/** The published packages that no service generates: each judged on its exports against its release. */
export function checkPackages(options: CheckOptions, packages: PublishedPackage[]): PackageCheck[] {
  const clients = new Set(options.services.map((service) => service.clientPackage));
  return packages
    .filter((pkg) => !clients.has(pkg.name))
    .map((pkg): PackageCheck => {
      const stale = options.staleReports?.get(pkg.name);
      const integrity = stale ? [stale] : [];
      if (releasedEntries(pkg).length === 0)
        return { pkg, status: 'unreleased', ok: integrity.length === 0, problems: integrity };
      const findings: Finding[] = packageApiFindings(pkg, options.root).map((finding) => ({
        severity: finding.severity,
        rule: finding.rule,
        action: `${finding.entry}: ${finding.name}`,
        version: '',
        side: finding.rule === 'export-removed' ? 'base' : 'head',
        pointer: '',
        source: finding.source,
        message: finding.message,
      }));
      const verdict = decide({
        findings,
        changesets: options.changesets,
        group: fixedGroup(options.changesetConfig, pkg.name),
        integrity,
      });
      return { pkg, status: 'checked', ok: verdict.ok, verdict };
    });
}

function formatPackageCheck(check: PackageCheck, verbose: boolean): string {
  const head = `spec:check ${check.pkg.name}`;
  if (check.status === 'unreleased')
    return `${head}: not yet released (no ${check.pkg.path}/${RELEASED_DIR}/): free to change until its first release\n${check.problems.map((problem) => `error: ${problem}\n`).join('')}${check.pkg.name}: ${check.ok ? 'not yet released' : 'FAILED (see the errors above)'}\n`;
  return `${head}: ${check.pkg.path}/${RELEASED_DIR}/ (released) → ${check.pkg.path}/dist/ (built)\n${formatVerdict(check.verdict, check.pkg.name, verbose)}`;
}

export interface Report {
  services: ServiceCheck[];
  packages?: PackageCheck[];
  /** Repository-wide problems (tracked generated files). */
  repository?: string[];
  /** List every compatible change instead of counting them by kind. */
  verbose?: boolean;
}

/** The whole report: repository-wide problems, one section per service and per package, then a one-line summary. */
export function formatReport(report: Report, root: string): string {
  const { services, packages = [], repository = [], verbose = false } = report;
  const sections: string[] = [];
  if (repository.length > 0)
    sections.push(`spec:check repository:\n${repository.map((problem) => `error: ${problem}\n`).join('')}`);
  for (const check of services) sections.push(formatServiceCheck(check, root, verbose));
  for (const check of packages) sections.push(formatPackageCheck(check, verbose));
  const summary = [
    ...services.map(
      (check) =>
        `${check.service.name} ${check.status === 'unreleased' ? 'not yet released' : check.ok ? 'passed' : 'FAILED'}`,
    ),
    ...packages.map(
      (check) =>
        `${check.pkg.name} ${!check.ok ? 'FAILED' : check.status === 'unreleased' ? 'not yet released' : 'passed'}`,
    ),
  ];
  if (repository.length > 0) summary.unshift('repository FAILED');
  const ok =
    repository.length === 0 && services.every((check) => check.ok) && packages.every((check) => check.ok);
  sections.push(`spec:check ${ok ? 'passed' : 'FAILED'}: ${summary.join(', ')}\n`);
  return sections.join('\n');
}

export interface BaselineResult {
  service: ServiceEntry;
  file: string;
  /** Why no baseline was written, when none was. */
  problem?: string;
}

/**
 * Writes a service's baseline: the bundle of its sources, pretty-printed (so a release diff of the
 * baseline reads like the spec change it records), once it is a valid bundle the spec model reads.
 */
export async function writeBaseline(
  root: string,
  service: ServiceEntry,
  out?: string,
): Promise<BaselineResult> {
  const file = out ?? join(root, service.baseline);
  const scratch = mkdtempSync(join(tmpdir(), 'spec-gate-baseline-'));
  try {
    const bundled = await bundleSpec({ cwd: root, api: service.name, out: join(scratch, 'bundle.json') });
    const text = readFileSync(bundled, 'utf8');
    const problems = bundleProblems(text);
    if (problems.length > 0) return { service, file, problem: `not a valid bundle: ${problems.join('; ')}` };
    const document = JSON.parse(text) as JsonObject;
    readService(document);
    writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
    return { service, file };
  } catch (error) {
    return { service, file, problem: message(error) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
