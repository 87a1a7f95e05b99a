// Live contract mode: the read-only contract cases (operations the spec marks `x-volc-idempotent: true`)
// sent to a real endpoint, each answer checked against the schema the spec documents for its status.
import type { ContractCase } from '@volc-openapi/codegen';
import type { Credentials } from '@volc-openapi/signer';
import { isObject, type JsonObject, segments } from '@volc-openapi/spec-model';
import type { SpecSchemas } from '@volc-openapi/spec-model/schemas';
import { type ContractService, operation } from './cases.ts';

export interface LiveOptions {
  /** The service whose client sends the cases. */
  service: Pick<ContractService, 'createClient'>;
  cases: ContractCase[];
  spec: JsonObject;
  schemas: SpecSchemas;
  endpoint: string;
  credentials: Credentials;
  /** Only these operationIds, when given. */
  only?: string[];
  fetch?: (request: Request) => Promise<Response>;
}

export interface LiveResult {
  operationId: string;
  status: number;
  /** The error code when the service answered with one (a documented answer all the same). */
  code?: string;
  ok: boolean;
  problem?: string;
}

/** The pointer of the schema documented for `status` (or `default`), if the operation documents one. */
function responseSchema(spec: JsonObject, testCase: ContractCase, status: number): string[] | undefined {
  const method = testCase.method.toLowerCase();
  const paths = isObject(spec.paths) ? spec.paths : {};
  const item = isObject(paths[testCase.path]) ? (paths[testCase.path] as JsonObject) : {};
  const operationNode = isObject(item[method]) ? (item[method] as JsonObject) : {};
  const responses = isObject(operationNode.responses) ? operationNode.responses : {};
  const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
  if (key === undefined) return undefined;
  let pointer = ['paths', testCase.path, method, 'responses', key];
  const node = responses[key];
  if (isObject(node) && typeof node.$ref === 'string') pointer = segments(node.$ref);
  return [...pointer, 'content', 'application/json', 'schema'];
}

/** The cases live mode may send: read-only by the spec, and among `only` when that is given. */
export function liveCases(cases: ContractCase[], only?: string[]): ContractCase[] {
  return cases.filter((testCase) => testCase.idempotent && (!only || only.includes(testCase.operationId)));
}

/** Sends each read-only case once and checks the answer against the spec. */
export async function runLive(options: LiveOptions): Promise<LiveResult[]> {
  const client = options.service.createClient({
    credentials: options.credentials,
    endpoint: options.endpoint,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const results: LiveResult[] = [];
  for (const testCase of liveCases(options.cases, options.only)) {
    const result = await operation(client, testCase.operationId)(testCase.request);
    const status = result.response.status;
    const code = result.error?.ResponseMetadata.Error.Code;
    const base = { operationId: testCase.operationId, status, ...(code ? { code } : {}) };
    if (code === 'UnexpectedResponse') {
      results.push({ ...base, ok: false, problem: 'the answer is not the Volcengine JSON envelope' });
      continue;
    }
    const pointer = responseSchema(options.spec, testCase, status);
    if (!pointer) {
      results.push({ ...base, ok: false, problem: `HTTP ${status} is not documented for this operation` });
      continue;
    }
    const validate = options.schemas.at(pointer);
    const body = result.error ? JSON.parse(JSON.stringify(result.error)) : result.data;
    const envelope = result.error ? { ResponseMetadata: body.ResponseMetadata } : body;
    if (validate(envelope)) results.push({ ...base, ok: true });
    else results.push({ ...base, ok: false, problem: options.schemas.errors(validate) });
  }
  return results;
}

/** One line per result and a closing count. */
export function formatLive(results: LiveResult[]): string {
  const lines = results.map(
    (r) =>
      `${r.ok ? 'ok  ' : 'FAIL'} ${r.operationId} HTTP ${r.status}${r.code ? ` ${r.code}` : ''}${r.problem ? `: ${r.problem}` : ''}`,
  );
  const failed = results.filter((r) => !r.ok).length;
  lines.push(`${results.length - failed} passed, ${failed} failed`);
  return `${lines.join('\n')}\n`;
}
