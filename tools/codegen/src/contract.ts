// Contract cases: for every operation, the exact wire request its spec example becomes, the answers the
// client must turn into data or errors, and the inputs a server must refuse. Everything is read from the
// bundled spec; nothing here knows an Action, and nothing asks the client under test.

import { deref, isObject, type JsonObject, type Operation } from '@volc-openapi/spec-model';
import { invalidInputs } from './contract-invalid.ts';
import { type InputParameter, inputModel, type Pointer } from './contract-schema.ts';
import { expectedWire, type WireExpectation } from './contract-wire.ts';

export type { InputParameter, Pointer } from './contract-schema.ts';
export type { WireBody, WireExpectation } from './contract-wire.ts';

/** What a client must make of one answer. */
export type ExpectedOutcome =
  | { data: unknown }
  | {
      error: { Code: string; CodeN?: number; Message?: string; RequestId?: string };
      status: number;
    };

/** One canned answer to a call and the outcome the client promises for it. */
export interface ResponseCase {
  name: string;
  status: number;
  headers: Record<string, string>;
  /** The exact response body. */
  body: string;
  expect: ExpectedOutcome;
}

/** An input that breaks the request schema in one place, and the error the gateway answers it with. */
export interface InvalidInput {
  /** The top-level parameter concerned. */
  parameter: string;
  kind: 'missing' | 'type' | 'enum' | 'range' | 'length' | 'items';
  /** The value put in its place; absent when the parameter is left out. */
  value?: unknown;
  code: 'MissingParameter' | 'InvalidParameter';
}

/** One generated contract case: what the client sends for an operation and what it must get back. */
export interface ContractCase {
  operationId: string;
  action: string;
  version: string;
  method: 'GET' | 'POST';
  encoding: Operation['encoding'];
  path: string;
  idempotent: boolean;
  /** False for an operation the spec sends without a signature (`security: []`). */
  signed: boolean;
  deprecated: boolean;
  request: JsonObject;
  expectedResult: unknown;
  errorCodes: { code: string; status: number }[];
  /** The request the example must become, byte for byte where the encoding fixes the bytes. */
  wire: WireExpectation;
  responses: ResponseCase[];
  /** Where each input parameter travels and where its schema is, for generated inputs. */
  input: {
    parameters: InputParameter[];
    /** Pointer of the body schema; absent for operations without a body. */
    body?: Pointer;
  };
  /** Pointer of the 200 response schema. */
  successSchema: Pointer;
  invalid: InvalidInput[];
}

export interface ContractOptions {
  /** Header a gateway puts its request id in, read by clients when the body has none. */
  requestIdHeader?: string;
}

const HTML_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

function errorOf(value: unknown): JsonObject | undefined {
  const metadata = isObject(value) ? value.ResponseMetadata : undefined;
  const error = isObject(metadata) ? metadata.Error : undefined;
  return isObject(error) && typeof error.Code === 'string' ? error : undefined;
}

function exampleValues(spec: JsonObject, media: unknown): [string, unknown][] {
  if (!isObject(media)) return [];
  const out: [string, unknown][] = [];
  if (media.example !== undefined) out.push(['example', media.example]);
  for (const [name, node] of Object.entries(isObject(media.examples) ? media.examples : {}))
    out.push([name, deref(spec, node).value]);
  return out;
}

/** Documented answers (success and error examples per status), then the generic broken answers. */
function responseCases(spec: JsonObject, operation: JsonObject, requestIdHeader: string): ResponseCase[] {
  const cases: ResponseCase[] = [];
  const json = { 'Content-Type': 'application/json; charset=utf-8' };
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const [statusText, node] of Object.entries(responses)) {
    const status = Number(statusText);
    if (!Number.isInteger(status)) continue;
    const response = deref(spec, node);
    const content = isObject(response.content) ? response.content : {};
    const seen = new Set<string>();
    for (const [name, value] of exampleValues(spec, content['application/json'])) {
      const error = errorOf(value);
      const body = JSON.stringify(value);
      if (!error) {
        if (status === 200 && !seen.has('success'))
          cases.push({
            name: `success example "${name}"`,
            status,
            headers: json,
            body,
            expect: { data: value },
          });
        seen.add('success');
        continue;
      }
      const code = String(error.Code);
      if (seen.has(code)) continue;
      seen.add(code);
      const metadata = (value as { ResponseMetadata: JsonObject }).ResponseMetadata;
      cases.push({
        name: status === 200 ? `error ${code} delivered with HTTP 200` : `error ${code} (HTTP ${status})`,
        status,
        headers: json,
        body,
        expect: {
          status,
          error: {
            Code: code,
            ...(typeof error.CodeN === 'number' ? { CodeN: error.CodeN } : {}),
            ...(typeof error.Message === 'string' ? { Message: error.Message } : {}),
            ...(typeof metadata.RequestId === 'string' ? { RequestId: metadata.RequestId } : {}),
          },
        },
      });
    }
  }
  const requestId = '20250528113938000000000000C0FFEE';
  const unexpected = (status: number): ExpectedOutcome => ({
    status,
    error: { Code: 'UnexpectedResponse', RequestId: requestId },
  });
  cases.push(
    {
      name: 'an HTML gateway page instead of the envelope (HTTP 502)',
      status: 502,
      headers: { 'Content-Type': 'text/html', [requestIdHeader]: requestId },
      body: HTML_PAGE,
      expect: unexpected(502),
    },
    {
      name: 'a plain-text body with HTTP 200',
      status: 200,
      headers: { 'Content-Type': 'text/plain', [requestIdHeader]: requestId },
      body: 'OK',
      expect: unexpected(200),
    },
    {
      name: 'an empty body with HTTP 200',
      status: 200,
      headers: { ...json, [requestIdHeader]: requestId },
      body: '',
      expect: unexpected(200),
    },
    {
      name: 'JSON that is not the envelope (HTTP 404)',
      status: 404,
      headers: { ...json, [requestIdHeader]: requestId },
      body: '{"message":"Not Found"}',
      expect: unexpected(404),
    },
  );
  return cases;
}

function operationNode(spec: JsonObject, operation: Operation): JsonObject {
  const item = deref(spec, (spec.paths as JsonObject)[operation.pathKey]);
  return deref(spec, item[operation.method.toLowerCase()]);
}

/** The contract cases of every operation. */
export function renderContractCases(
  operations: Operation[],
  spec: JsonObject,
  options: ContractOptions = {},
): ContractCase[] {
  const requestIdHeader = options.requestIdHeader ?? 'X-Tt-Logid';
  return operations.map((operation) => {
    const node = operationNode(spec, operation);
    const model = inputModel(spec, operation.pathKey, operation.method.toLowerCase(), node);
    return {
      operationId: operation.operationId,
      action: operation.action,
      version: operation.version,
      method: operation.method,
      encoding: operation.encoding,
      path: operation.pathKey,
      idempotent: operation.idempotent,
      signed: operation.signed,
      deprecated: operation.deprecated,
      request: operation.requestExample,
      expectedResult: operation.successExample?.Result,
      errorCodes: operation.errors.map(({ code, status }) => ({ code, status })),
      wire: expectedWire(operation),
      responses: responseCases(spec, node, requestIdHeader),
      input: { parameters: model.parameters, ...(model.body ? { body: model.body.pointer } : {}) },
      successSchema: model.successSchema,
      invalid: invalidInputs(spec, operation.encoding, model.parameters),
    };
  });
}
