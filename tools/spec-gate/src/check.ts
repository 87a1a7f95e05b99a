// The gate over every service of the registry: each service's working bundle against its own baseline,
// judged on its own (its own changesets group), reported per service; and writing the baselines.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type JsonObject, readService, type ServiceEntry, type ServiceModel } from '@volc-openapi/spec-model';
import { bundleSpec } from './bundle.ts';
import { type Changeset, serviceGroup } from './changesets.ts';
import { classifyServices } from './classify.ts';
import { decide, formatVerdict, type GateVerdict } from './gate.ts';
import { bundleProblems } from './integrity.ts';
import { type OpticFinding, runOptic } from './optic.ts';
import { locateSources, sourceMap } from './sources.ts';

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
  /** Run optic as a second opinion (default true). */
  optic?: boolean;
}

export type ServiceCheck =
  | {
      service: ServiceEntry;
      status: 'checked';
      ok: boolean;
      baselineFile: string;
      /** What was compared with the baseline: the spec's root file or the bundle given. */
      working: string;
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
  try {
    working = await workingBundle(root, service, source);
  } catch (error) {
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
  if (!working) integrity.push(`the working spec cannot be bundled: ${workingProblem}`);
  else
    try {
      head = readService(readJson(working.file));
    } catch (error) {
      integrity.push(`the working spec ${working.shown} is unusable: ${message(error)}`);
    }

  let findings = base && head ? classifyServices(base, head) : [];
  if (working?.sources && source.kind !== 'file')
    findings = locateSources(findings, sourceMap(working.sources, root));
  let optic: OpticFinding[] = [];
  // Optic writes a ci-run-details.json report into its working folder: give it a scratch one.
  if (base && head && working && options.optic !== false) {
    const scratch = mkdtempSync(join(tmpdir(), 'spec-gate-optic-'));
    try {
      optic = await runOptic(baselineFile, working.file, scratch);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const verdict = decide({
    findings,
    changesets: options.changesets,
    group: serviceGroup(options.changesetConfig, service),
    optic,
    integrity,
  });
  return {
    service,
    status: 'checked',
    ok: verdict.ok,
    baselineFile,
    working: working?.shown ?? relative(root, join(root, service.specDir, 'openapi.yaml')),
    verdict,
  };
}

/** Checks every service given, one after the other, each judged on its own. */
export async function checkServices(options: CheckOptions): Promise<ServiceCheck[]> {
  const results: ServiceCheck[] = [];
  for (const service of options.services) results.push(await checkService(options, service));
  return results;
}

/** One section of the report: the header naming the service, then its findings and verdict. */
export function formatServiceCheck(check: ServiceCheck, root: string): string {
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
  return `${head}: ${baseline} (baseline) → ${check.working} (working)\n${formatVerdict(check.verdict, service.name)}`;
}

/** The whole report: repository-wide problems, one section per service, then a one-line summary. */
export function formatReport(checks: ServiceCheck[], root: string, repository: string[] = []): string {
  const sections: string[] = [];
  if (repository.length > 0)
    sections.push(`spec:check repository:\n${repository.map((problem) => `error: ${problem}\n`).join('')}`);
  for (const check of checks) sections.push(formatServiceCheck(check, root));
  const summary = checks.map(
    (check) =>
      `${check.service.name} ${check.status === 'unreleased' ? 'not yet released' : check.ok ? 'passed' : 'FAILED'}`,
  );
  if (repository.length > 0) summary.unshift('repository FAILED');
  const ok = repository.length === 0 && checks.every((check) => check.ok);
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
