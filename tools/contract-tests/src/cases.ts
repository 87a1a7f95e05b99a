// Loads the bundled spec and the generated contract cases, and calls one operation of a client by id.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ContractCase } from '@volc-openapi/codegen';
import type { VmsClient } from '@volc-openapi/vms';
import type { JsonObject } from './spec-schemas.ts';

const require = createRequire(import.meta.url);

export const SPEC_PATH = require.resolve('@volc-openapi/vms-spec/openapi.json');
export const CASES_URL = new URL('../generated/cases.json', import.meta.url);

export const loadSpec = (path: string = SPEC_PATH): JsonObject =>
  JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

export const loadCases = (url: URL | string = CASES_URL): ContractCase[] =>
  JSON.parse(readFileSync(url, 'utf8')) as ContractCase[];

/** What every facade method resolves to, whatever its operation. */
export interface CallResult {
  data?: unknown;
  error?: {
    ResponseMetadata: { RequestId?: string; Error: { Code: string; CodeN?: number; Message: string } };
  };
  response: Response;
}

type Call = (input: unknown) => Promise<CallResult>;

/** The facade method of an operation, looked up by its operationId. */
export function operation(client: VmsClient, operationId: string): Call {
  const method = (client as unknown as Record<string, Call | undefined>)[operationId];
  if (typeof method !== 'function') throw new Error(`The client has no method ${operationId}`);
  return method;
}

/** The signing scope the spec declares (`x-volc-signing` of its security scheme). */
export function signingScope(spec: JsonObject): { service: string; region: string } {
  const components = (spec.components ?? {}) as JsonObject;
  for (const scheme of Object.values((components.securitySchemes ?? {}) as JsonObject)) {
    const signing = (scheme as JsonObject)['x-volc-signing'] as JsonObject | undefined;
    if (signing) return { service: String(signing.service), region: String(signing.region) };
  }
  throw new Error('The spec declares no x-volc-signing scope');
}
