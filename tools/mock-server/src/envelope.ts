// Builds the response envelope for successes and errors; error codes come from the spec's catalogue.
import { randomBytes } from 'node:crypto';
import type { Signing } from '@volc-openapi/spec-model';
import type { DocumentedError, JsonObject, MockOperation } from './spec.ts';

/** Who was called, as far as the server could tell; echoed in `ResponseMetadata`. */
export interface CallContext {
  requestId: string;
  action?: string;
  version?: string;
}

export interface EnvelopeAnswer {
  status: number;
  body: JsonObject;
}

/**
 * Where error codes are looked up and what `ResponseMetadata` says about the service: a service
 * model, or (for a request no service answers) the scope it named and a catalogue of codes.
 */
export interface ErrorCatalogue {
  signing: Signing;
  /** Every code the service documents, the platform's included (each bundle carries them). */
  errors: Map<string, DocumentedError>;
}

/**
 * Looks an error code up: first on the operation (so a code documented with HTTP 200 there keeps
 * 200), then anywhere in the service's spec, where every platform code is documented.
 */
export function lookupError(
  catalogue: ErrorCatalogue,
  code: string,
  operation?: MockOperation,
): DocumentedError | undefined {
  return operation?.errors.find((error) => error.code === code) ?? catalogue.errors.get(code);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Random bytes drawn 4 KiB at a time: one `randomBytes` call per answer cost more than the rest of the id. */
let randomPool = Buffer.alloc(0);
let randomOffset = 0;
function randomHex15(): string {
  if (randomOffset + 8 > randomPool.length) {
    randomPool = randomBytes(4096);
    randomOffset = 0;
  }
  randomOffset += 8;
  return randomPool
    .toString('hex', randomOffset - 8, randomOffset)
    .slice(0, 15)
    .toUpperCase();
}

/**
 * A fresh request id shaped like the gateway's: `yyyyMMddHHmmssSSS` (UTC) followed by 15
 * upper-case hex characters, 32 characters in all.
 */
export function newRequestId(now: Date): string {
  const stamp =
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}${pad(now.getUTCMilliseconds(), 3)}`;
  return stamp + randomHex15();
}

function metadata(catalogue: ErrorCatalogue, call: CallContext): JsonObject {
  return {
    RequestId: call.requestId,
    ...(call.action !== undefined ? { Action: call.action } : {}),
    ...(call.version !== undefined ? { Version: call.version } : {}),
    Service: catalogue.signing.service,
    Region: catalogue.signing.region,
  };
}

/** Each operation's success example as JSON text, parsed afresh for every answer (which callers may change): faster than structuredClone. */
const exampleJsonCache = new WeakMap<MockOperation, string>();
function exampleJson(operation: MockOperation): string {
  let json = exampleJsonCache.get(operation);
  if (json === undefined) {
    json = JSON.stringify(operation.successExample);
    exampleJsonCache.set(operation, json);
  }
  return json;
}

/**
 * The operation's documented success answer with this call's metadata. An example without `Result`
 * is answered without one (an empty object could break the documented `Result` schema); only an
 * operation that documents no success example at all gets `Result: {}`.
 */
export function successEnvelope(
  catalogue: ErrorCatalogue,
  operation: MockOperation,
  call: CallContext,
): EnvelopeAnswer {
  const example = operation.successExample
    ? (JSON.parse(exampleJson(operation)) as JsonObject)
    : { Result: {} };
  const { ResponseMetadata: _ignored, ...rest } = example;
  return { status: 200, body: { ResponseMetadata: metadata(catalogue, call), ...rest } };
}

export interface ErrorOptions {
  /** Replaces the documented message. */
  message?: string;
  /** Replaces the documented HTTP status. */
  status?: number;
  operation?: MockOperation;
}

/** An error envelope for `code`, with the status and CodeN the spec gives it. */
export function errorEnvelope(
  catalogue: ErrorCatalogue,
  code: string,
  call: CallContext,
  options: ErrorOptions = {},
): EnvelopeAnswer {
  const known = lookupError(catalogue, code, options.operation);
  const error: JsonObject = { Code: code };
  if (known?.codeN !== undefined) error.CodeN = known.codeN;
  error.Message = options.message ?? known?.message ?? code;
  return {
    status: options.status ?? known?.status ?? 400,
    body: { ResponseMetadata: { ...metadata(catalogue, call), Error: error } },
  };
}
