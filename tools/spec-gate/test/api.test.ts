// What consumers compile against, one mutation per rule on the real released specs of two services
// (several mutations on distinct operations share one head, so one compile covers them), and the
// runtime's exports against its released declarations.
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedPackages } from '@volc-openapi/api-report';
import {
  findService,
  follow,
  type JsonObject,
  nodeAt,
  type Operation,
  readService,
  segments,
} from '@volc-openapi/spec-model';
import { describe, expect, it } from 'vitest';
import { classifyServices, clientApiFindings, type Finding, packageApiFindings } from '../src/index.ts';
import { copy, get, push, remove, set } from './mutate.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const released = (name: string) =>
  JSON.parse(readFileSync(join(REPO, `spec/${name}/baseline.openapi.json`), 'utf8')) as JsonObject;

const operation = (doc: JsonObject, id: string): Operation => {
  const found = readService(doc).operations.find((op) => op.operationId === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
};
const at = (pointer: string) => segments(pointer);
const pathOf = (op: Operation) => ['paths', op.pathKey];

/** Makes an optional input field of an operation required (a query parameter or a body property). */
function requireOptionalField(doc: JsonObject, id: string): string {
  const op = operation(doc, id);
  const field = [...op.query, ...(op.body?.fields ?? [])].find((f) => !f.required && f.schemaPointer);
  if (!field) throw new Error(`${id} has no optional field`);
  const parts = at(field.schemaPointer);
  if (op.query.includes(field)) set(doc, [...parts.slice(0, -1), 'required'], true);
  else {
    const object = parts.slice(0, -2);
    if (!Array.isArray(nodeAt(doc, [...object, 'required']))) set(doc, [...object, 'required'], []);
    push(doc, [...object, 'required'], field.name);
  }
  return field.name;
}

/** Removes the example that documents an operation's business error code (the 200's), or its last one. */
function dropErrorCode(doc: JsonObject, id: string): void {
  const op = operation(doc, id);
  const error = op.errors.find((e) => e.status === 200) ?? op.errors[op.errors.length - 1];
  if (!error) throw new Error(`${id} documents no error code`);
  const responses = [...at(op.pointer), 'responses', String(error.status)];
  const response = follow(doc, nodeAt(doc, responses) as JsonObject, responses);
  remove(doc, [...response.at, 'content', 'application/json', 'examples', error.code]);
  if (operation(doc, id).errors.some((e) => e.code === error.code))
    throw new Error(`${id}: ${error.code} is documented elsewhere too`);
}

const rulesOf = (findings: Finding[], action: string) =>
  [...new Set(findings.filter((f) => f.action === action).map((f) => f.rule))].sort();

describe('client API: breaking changes, one head per service', () => {
  it('vms: method removed, input narrowed, result narrowed (a type, an enum value), error code dropped, paginator removed', async () => {
    const base = released('vms');
    const head = structuredClone(base);
    remove(head, pathOf(operation(head, 'OpenDeleteResource')));
    const narrowed = readService(head).operations.find(
      (op) =>
        !['OpenDeleteResource', 'OpenUpdateResource', 'QueryTaskList'].includes(op.action) &&
        [...op.query, ...(op.body?.fields ?? [])].some((f) => !f.required && f.schemaPointer),
    );
    requireOptionalField(head, narrowed?.operationId ?? '');
    remove(head, ['components', 'schemas', 'OpenUpdateResourceResult', 'properties']);
    set(head, ['components', 'schemas', 'OpenUpdateResourceResult', 'type'], 'boolean');
    // A value the released client's union type of Result.Records[].State does not hold (the spec rules
    // call a response enum change compatible; optic called it a break, and so does this check).
    push(head, ['components', 'schemas', 'ResourceState', 'enum'], 3);
    const coded = readService(head).operations.find((op) => op.errors.some((e) => e.status === 200));
    dropErrorCode(head, coded?.operationId ?? '');
    remove(head, [...pathOf(operation(head, 'QueryTaskList')), 'post', 'x-volc-pagination']);
    const findings = await clientApiFindings(findService('vms'), readService(base), readService(head));
    expect(rulesOf(findings, 'OpenDeleteResource')).toEqual(['api-method-removed', 'consumer-code']);
    expect(rulesOf(findings, narrowed?.action ?? '')).toContain('api-input-narrowed');
    expect(rulesOf(findings, 'OpenUpdateResource')).toContain('api-result-narrowed');
    expect(rulesOf(findings, 'QueryUsableResourceV2')).toContain('api-result-narrowed');
    expect(rulesOf(findings, coded?.action ?? '')).toContain('api-error-codes-changed');
    expect(rulesOf(findings, 'QueryTaskList')).toEqual(['api-paginator-removed', 'consumer-code']);
    const sample = findings.find((f) => f.action === 'QueryTaskList' && f.rule === 'consumer-code');
    expect(sample?.message).toMatch(
      /QueryTaskList\.facade\.ts no longer compiles .*: Property 'QueryTaskList' does not exist/,
    );
    expect(findings.every((f) => f.severity === 'breaking')).toBe(true);
  });

  it('sts: method removed, input narrowed, result narrowed, error code dropped', async () => {
    const base = released('sts');
    const head = structuredClone(base);
    remove(head, pathOf(operation(head, 'AssumeRoleWithSAML')));
    requireOptionalField(head, 'AssumeRole');
    remove(head, ['components', 'schemas', 'AssumeRoleWithOIDCResult', 'properties']);
    set(head, ['components', 'schemas', 'AssumeRoleWithOIDCResult', 'type'], 'string');
    dropErrorCode(head, 'GetCallerIdentity');
    const findings = await clientApiFindings(findService('sts'), readService(base), readService(head));
    expect(rulesOf(findings, 'AssumeRoleWithSAML')).toEqual(['api-method-removed', 'consumer-code']);
    expect(rulesOf(findings, 'AssumeRole')).toContain('api-input-narrowed');
    expect(rulesOf(findings, 'AssumeRoleWithOIDC')).toContain('api-result-narrowed');
    expect(rulesOf(findings, 'GetCallerIdentity')).toEqual(['api-error-codes-changed']);
  });
});

describe('client API: compatible changes leave every probe and sample compiling', () => {
  it.each(['vms', 'sts'])('%s: optional input, new result field, a new suffixed Version', async (name) => {
    const base = released(name);
    const head = structuredClone(base);
    const [first, second] = readService(base).operations.filter((op) => op.body || op.query.length > 0);
    if (!first || !second) throw new Error('two operations with input expected');
    const [field] = first.body?.fields ?? [];
    if (field)
      set(head, [...at(field.schemaPointer).slice(0, -2), 'properties', 'AddedLater'], { type: 'string' });
    else {
      const parameters = [...pathOf(first), first.method.toLowerCase(), 'parameters'];
      if (!Array.isArray(nodeAt(head, parameters))) set(head, parameters, []);
      push(head, parameters, {
        name: 'AddedLater',
        in: 'query',
        required: false,
        schema: { type: 'string' },
      });
    }
    for (const [name, schema] of Object.entries(get(head, ['components', 'schemas']) as JsonObject))
      if (name.endsWith('Result') && (schema as JsonObject).properties)
        set(head, ['components', 'schemas', name, 'properties', 'AddedLater'], { type: 'string' });
    const key = second.pathKey.replace(/Version=[\d-]+/, 'Version=2099-01-01');
    copy(head, pathOf(second), ['paths', key]);
    set(head, ['paths', key, second.method.toLowerCase(), 'operationId'], `${second.action}_20990101`);
    const findings = await clientApiFindings(findService(name), readService(base), readService(head));
    expect(findings).toEqual([]);
    const spec = classifyServices(readService(base), readService(head));
    expect(spec.find((f) => f.rule === 'version-added')?.action).toBe(second.action);
    expect(spec.filter((f) => f.severity === 'breaking')).toEqual([]);
  });
});

describe('Versions of one Action', () => {
  it('vms: a new Version of QueryCallRecordMsg taking the bare name is a breaking rename; a suffixed one is not', () => {
    const base = released('vms');
    const current = operation(base, 'QueryCallRecordMsg');
    const taking = structuredClone(base);
    const key = current.pathKey.replace(/Version=[\d-]+/, 'Version=2024-01-01');
    copy(taking, pathOf(current), ['paths', key]);
    set(taking, [...pathOf(current), 'post', 'operationId'], 'QueryCallRecordMsg_20220101');
    const findings = classifyServices(readService(base), readService(taking));
    expect(findings.filter((f) => f.severity === 'breaking').map((f) => `${f.rule} ${f.version}`)).toEqual([
      'operation-id-changed 2022-01-01',
    ]);
    const beside = structuredClone(base);
    copy(beside, pathOf(current), ['paths', key]);
    set(beside, ['paths', key, 'post', 'operationId'], 'QueryCallRecordMsg_20240101');
    expect(
      classifyServices(readService(base), readService(beside)).filter((f) => f.severity === 'breaking'),
    ).toEqual([]);
  });
});

describe('package exports against the released declarations', () => {
  /** The built runtime in a scratch repository, with its released declarations; `edit` changes the build. */
  function runtimeCopy(edit: (text: string) => string) {
    const [runtime] = publishedPackages(REPO).filter((pkg) => pkg.name === '@volc-openapi/runtime');
    if (!runtime) throw new Error('no runtime');
    const root = mkdtempSync(join(tmpdir(), 'spec-gate-exports-'));
    const dir = join(root, 'packages', 'runtime');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(runtime.dir, 'package.json'), join(dir, 'package.json'));
    cpSync(join(runtime.dir, 'dist'), join(dir, 'dist'), { recursive: true });
    cpSync(join(runtime.dir, 'api-released'), join(dir, 'api-released'), { recursive: true });
    symlinkSync(join(runtime.dir, 'node_modules'), join(dir, 'node_modules'));
    for (const name of readdirSync(join(dir, 'dist')).filter((file) => file.endsWith('.d.ts'))) {
      const file = join(dir, 'dist', name);
      writeFileSync(file, edit(readFileSync(file, 'utf8')));
    }
    const [pkg] = publishedPackages(root);
    if (!pkg) throw new Error('no package');
    return { pkg, root };
  }

  it('reports what the built runtime changed since its release: new exports, and the raw client’s type', () => {
    const { pkg, root } = runtimeCopy((text) => text);
    const findings = packageApiFindings(pkg, root);
    // The raw client now types an error envelope as `error` (a major changeset records it); nothing else breaks.
    const breaking = new Set(findings.filter((f) => f.severity === 'breaking').map((f) => f.name));
    expect([...breaking].sort()).toEqual(['RpcService', 'createRpcService']);
    expect(findings.map((f) => `${f.rule} ${f.name}`)).toContain('export-added isCredentialsError');
  });

  it('finds a removed export, narrowed parameters and a changed type, each named with its entry and line', () => {
    const { pkg, root } = runtimeCopy((text) =>
      text
        // Out of each entry's export list (the shared chunk keeps declaring it).
        .replace(/^(export \{.*?)\bisRpcError, /gm, '$1')
        .replace(
          'declare function anySignal(signals: (AbortSignal | undefined)[])',
          'declare function anySignal(signals: AbortSignal[])',
        )
        .replace(/interface CallOptions \{/, 'interface CallOptions {\n    tenant: string;'),
    );
    const breaking = packageApiFindings(pkg, root).filter((f) => f.severity === 'breaking');
    const names = breaking.map((f) => `${f.rule} ${f.name}`);
    expect(names).toContain('export-removed isRpcError');
    expect(names).toContain('export-narrowed anySignal');
    expect(names).toContain('export-narrowed CallOptions');
    const removed = breaking.find((f) => f.name === 'isRpcError');
    expect(removed?.source).toMatch(/^packages\/runtime\/api-released\/(index|node)\.d\.ts:\d+$/);
    expect(removed?.entry).toMatch(/^@volc-openapi\/runtime/);
  });
});
