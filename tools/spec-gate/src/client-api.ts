// What consumers compile against a service client: the client generated from the baseline and the one
// generated from the working spec, compared at the type level, and the docs' TypeScript samples of the
// baseline type-checked against the new client (the Stainless-style consumer-code check).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { facadeSample, rawSample, renderClientIndex, renderFacade } from '@volc-openapi/codegen';
import { renderSchemaTypes } from '@volc-openapi/codegen/schema-types';
import {
  fieldStyles,
  type Operation,
  type ServiceEntry,
  type ServiceModel,
  signingTarget,
} from '@volc-openapi/spec-model';
import { type Finding, FindingList } from './findings.ts';
import { compilerOptions, typecheck } from './typecheck.ts';

/** Scratch code lives under this package, so that it resolves the runtime and openapi-fetch as clients do. */
const SCRATCH_ROOT = fileURLToPath(new URL('../generated/', import.meta.url));

/** The type-level rules, one probe line each: what a released operation's method must keep. */
export type ApiRule =
  | 'api-method-removed'
  | 'api-input-narrowed'
  | 'api-result-narrowed'
  | 'api-error-codes-changed'
  | 'api-paginator-removed';

interface Probe {
  operation: Operation;
  rule: ApiRule;
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

async function writeClient(dir: string, service: ServiceEntry, model: ServiceModel): Promise<void> {
  write(join(dir, 'schema.ts'), await renderSchemaTypes(model.document));
  const facade = renderFacade(model.operations, signingTarget(model), {
    name: service.typePrefix,
    schemaModule: './schema.ts',
    styles: fieldStyles(model),
  });
  write(join(dir, 'facade.ts'), facade);
  write(join(dir, 'index.ts'), renderClientIndex(service));
}

/**
 * One line per probe. Interface methods compare bivariantly in TypeScript, so the probes compare
 * `Parameters<>` and the named result types explicitly: old input into new (parameters not narrowed),
 * new result into old (result not narrowed), old error codes into new (no code a consumer matches on
 * dropped).
 */
function probeSource(service: ServiceEntry, operations: Operation[]): { text: string; probes: Probe[] } {
  const ops = `${service.typePrefix}Operations`;
  const pagers = `${service.typePrefix}Paginators`;
  const lines = [
    "import type * as Old from './base/index.ts';",
    "import type * as New from './head/index.ts';",
    // Every field present and required: a field that is gone fails here even when it was optional.
    'type Full<T> = T extends (infer U)[] ? Full<U>[] : T extends object ? { [K in keyof T]-?: Full<NonNullable<T[K]>> } : T;',
    'type Input<F> = F extends (input: infer I, ...rest: never[]) => unknown ? NonNullable<I> : never;',
  ];
  const probes: (Probe | undefined)[] = lines.map(() => undefined);
  operations.forEach((operation, n) => {
    const id = operation.operationId;
    const add = (rule: ApiRule, line: string) => {
      lines.push(line);
      probes.push({ operation, rule });
    };
    const [before, after] = [`Old.${ops}['${id}']`, `New.${ops}['${id}']`];
    add('api-method-removed', `export type M${n} = ${after};`);
    add(
      'api-input-narrowed',
      `declare const i${n}: Parameters<${before}>; export const I${n}: Parameters<${after}> = i${n};`,
    );
    // A field consumers may still send, gone from the input (their object literals stop compiling).
    add(
      'api-input-narrowed',
      `declare const k${n}: Exclude<keyof Input<${before}>, keyof Input<${after}>>; export const K${n}: never = k${n};`,
    );
    add(
      'api-result-narrowed',
      `declare const r${n}: New.${id}Output; export const R${n}: Old.${id}Output = r${n};`,
    );
    add(
      'api-result-narrowed',
      `declare const f${n}: Full<New.${id}Output>; export const F${n}: Full<Old.${id}Output> = f${n};`,
    );
    add(
      'api-error-codes-changed',
      `declare const c${n}: Old.${id}ErrorCode; export const C${n}: New.${id}ErrorCode = c${n};`,
    );
    if (operation.pagination) add('api-paginator-removed', `export type P${n} = New.${pagers}['${id}'];`);
  });
  return { text: `${lines.join('\n')}\n`, probes: probes as Probe[] };
}

function describe(service: ServiceEntry, probe: Probe, compiler: string): string {
  const id = probe.operation.operationId;
  const client = service.name;
  switch (probe.rule) {
    case 'api-method-removed':
      return `method ${client}.${id} removed from ${service.typePrefix}Operations (${compiler})`;
    case 'api-input-narrowed':
      return `${client}.${id} accepts less input than released: ${compiler}`;
    case 'api-result-narrowed':
      return `${id}Output (the data ${client}.${id} resolves to) no longer fits the released type: ${compiler}`;
    case 'api-error-codes-changed':
      return `${id}ErrorCode dropped codes a consumer may match on: ${compiler}`;
    case 'api-paginator-removed':
      return `paginator ${client}.paginate.${id} removed (${compiler})`;
  }
}

/** Where in the working document a rule's finding belongs: the operation, or the part the rule reads. */
function pointerOf(head: ServiceModel, operation: Operation, rule: ApiRule | 'consumer-code'): string {
  const now =
    head.operations.find((other) => other.pathKey === operation.pathKey) ??
    head.operations.find((other) => other.operationId === operation.operationId);
  if (!now) return `/paths/${operation.pathKey.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  if (rule === 'api-method-removed') return `${now.pointer}/operationId`;
  if (rule === 'api-input-narrowed') return now.body?.schemaPointer || `${now.pointer}/parameters`;
  if (rule === 'api-result-narrowed') return `${now.pointer}/responses/200`;
  if (rule === 'api-error-codes-changed') return `${now.pointer}/responses`;
  if (rule === 'api-paginator-removed') return `${now.pointer}/x-volc-pagination`;
  return now.pointer;
}

/**
 * Breaking findings of a service client: every released operation (of `base`) probed against the client
 * generated from `head`, and every docs sample of `base` compiled against it. Findings carry the
 * working document's pointer of the operation concerned.
 */
export async function clientApiFindings(
  service: ServiceEntry,
  base: ServiceModel,
  head: ServiceModel,
): Promise<Finding[]> {
  mkdirSync(SCRATCH_ROOT, { recursive: true });
  const scratch = mkdtempSync(join(SCRATCH_ROOT, `${service.name}-`));
  try {
    await writeClient(join(scratch, 'base'), service, base);
    await writeClient(join(scratch, 'head'), service, head);
    const { text, probes } = probeSource(service, base.operations);
    const probeFile = join(scratch, 'probe.ts');
    write(probeFile, text);
    const samples = new Map<string, Operation>();
    const options = { clientPackage: service.clientPackage, factory: service.factory };
    for (const operation of base.operations) {
      const id = operation.operationId;
      for (const [kind, source] of [
        ['facade', facadeSample(operation, options)],
        ['raw', rawSample(operation, options)],
      ] as const) {
        const file = join(scratch, 'samples', `${id}.${kind}.ts`);
        write(file, source);
        samples.set(file, operation);
      }
    }
    const diagnostics = typecheck(
      [probeFile, ...samples.keys()],
      compilerOptions({ [service.clientPackage]: [join(scratch, 'head', 'index.ts')] }),
    );

    const findings: Finding[] = [];
    const gone = new Set<string>();
    const reported = new Set<string>();
    for (const diagnostic of diagnostics.filter((d) => d.file === probeFile)) {
      const probe = probes[diagnostic.line - 1];
      if (!probe) throw new Error(`probe.ts:${diagnostic.line}: ${diagnostic.message}`);
      const id = probe.operation.operationId;
      // A removed method fails every probe of it; its removal is the one finding.
      if (gone.has(id) || reported.has(`${id} ${probe.rule}`)) continue;
      if (probe.rule === 'api-method-removed') gone.add(id);
      reported.add(`${id} ${probe.rule}`);
      const list = new FindingList(probe.operation);
      list.add(
        'breaking',
        probe.rule,
        'head',
        pointerOf(head, probe.operation, probe.rule),
        describe(service, probe, diagnostic.message),
      );
      findings.push(...list.items);
    }
    const failedSamples = new Set<string>();
    for (const diagnostic of diagnostics) {
      const operation = samples.get(diagnostic.file);
      if (!operation || failedSamples.has(diagnostic.file)) continue;
      failedSamples.add(diagnostic.file);
      const name = diagnostic.file.slice(diagnostic.file.lastIndexOf('/') + 1);
      const list = new FindingList(operation);
      list.add(
        'breaking',
        'consumer-code',
        'head',
        pointerOf(head, operation, 'consumer-code'),
        `the released docs sample ${name} no longer compiles against the new client (line ${diagnostic.line}): ${diagnostic.message}`,
      );
      findings.push(...list.items);
    }
    return findings;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
