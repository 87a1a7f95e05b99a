// Builds the VMS response envelope for successes and errors, and the error catalogue behind it.
import { randomBytes } from 'node:crypto';
import type { DocumentedError, JsonObject, MockOperation, MockSpec } from './spec.ts';

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
 * Gateway codes the server itself raises, with the status and CodeN the Volcengine platform docs
 * give. The spec's own examples take precedence; this only fills in codes a spec leaves out.
 */
const PLATFORM_ERRORS: Record<string, Omit<DocumentedError, 'code'>> = {
  MissingParameter: { status: 400, codeN: 100002, message: 'A required parameter is missing.' },
  InvalidParameter: { status: 400, message: 'A parameter is invalid.' },
  MissingAction: { status: 400, message: 'The request is missing an action.' },
  InvalidAction: { status: 400, message: 'The specified action is invalid.' },
  MissingAuthenticationToken: {
    status: 401,
    codeN: 100003,
    message: 'The request is missing authentication data.',
  },
  MissingRequestInfo: { status: 400, codeN: 100004, message: 'The request is missing signing information.' },
  MissingSignature: { status: 401, codeN: 100005, message: 'The request is missing a signature.' },
  InvalidTimestamp: {
    status: 400,
    codeN: 100006,
    message: 'The request has expired or its date is in the future.',
  },
  ServiceNotFound: {
    status: 404,
    codeN: 100007,
    message: 'Could not find the service named in the credential scope.',
  },
  InvalidActionOrVersion: {
    status: 404,
    codeN: 100008,
    message: 'Could not find the operation for this version.',
  },
  InvalidAccessKey: { status: 401, codeN: 100009, message: 'The access key provided is not valid.' },
  SignatureDoesNotMatch: {
    status: 401,
    codeN: 100010,
    message: 'The request signature we calculated does not match the signature you provided.',
  },
  InvalidAuthorization: { status: 400, message: 'The Authorization header is malformed.' },
  InternalError: { status: 500, codeN: 100014, message: 'The request has failed due to an unknown error.' },
};

/**
 * Looks an error code up: first on the operation (so a code documented with HTTP 200 there keeps
 * 200), then anywhere in the spec, then in the platform table.
 */
export function lookupError(
  spec: MockSpec,
  code: string,
  operation?: MockOperation,
): DocumentedError | undefined {
  const documented = operation?.errors.get(code) ?? spec.errors.get(code);
  if (documented) return documented;
  const platform = PLATFORM_ERRORS[code];
  return platform ? { code, ...platform } : undefined;
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

function metadata(spec: MockSpec, call: CallContext): JsonObject {
  return {
    RequestId: call.requestId,
    ...(call.action !== undefined ? { Action: call.action } : {}),
    ...(call.version !== undefined ? { Version: call.version } : {}),
    Service: spec.signing.service,
    Region: spec.signing.region,
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
export function successEnvelope(spec: MockSpec, operation: MockOperation, call: CallContext): EnvelopeAnswer {
  const example = operation.successExample
    ? (JSON.parse(exampleJson(operation)) as JsonObject)
    : { Result: {} };
  const { ResponseMetadata: _ignored, ...rest } = example;
  return { status: 200, body: { ResponseMetadata: metadata(spec, call), ...rest } };
}

export interface ErrorOptions {
  /** Replaces the documented message. */
  message?: string;
  /** Replaces the documented HTTP status. */
  status?: number;
  operation?: MockOperation;
}

/** An error envelope for `code`, with the status and CodeN the spec (or platform table) gives it. */
export function errorEnvelope(
  spec: MockSpec,
  code: string,
  call: CallContext,
  options: ErrorOptions = {},
): EnvelopeAnswer {
  const known = lookupError(spec, code, options.operation);
  const error: JsonObject = { Code: code };
  if (known?.codeN !== undefined) error.CodeN = known.codeN;
  error.Message = options.message ?? known?.message ?? code;
  return {
    status: options.status ?? known?.status ?? 400,
    body: { ResponseMetadata: { ...metadata(spec, call), Error: error } },
  };
}
