// A ready-to-run call against the mock for one service, built from the model alone: the service's
// first safe (idempotent) operation, its documented request example encoded the way the spec says,
// presigned for the spec's signing scope when the operation is signed.
import { createHash } from 'node:crypto';
import { presignUrl } from '@volc-openapi/signer/presign';
import { type InputField, isObject, MEDIA_TYPES } from '@volc-openapi/spec-model';
import { MOCK_CREDENTIALS } from './credentials.ts';
import type { JsonObject, MockOperation, MockSpec } from './spec.ts';

export interface ExampleCall {
  operation: MockOperation;
  method: 'GET' | 'POST';
  /** The full URL, presigned (signature in the query string) when the operation is signed. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The same call as a shell command. */
  curl: string;
}

/** The operation an example shows: the first idempotent one (safe to repeat), else the first. */
export function exampleOperation(spec: MockSpec): MockOperation | undefined {
  return spec.operations.find((operation) => operation.idempotent) ?? spec.operations[0];
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Appends one input value the way its field travels in a query string or form. */
function append(into: URLSearchParams, name: string, value: unknown, field: InputField | undefined): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value) && field?.style !== 'json') {
    if (field?.style === 'repeat') for (const item of value) into.append(name, text(item));
    else into.append(name, value.map(text).join(','));
  } else into.append(name, text(value));
}

function encode(fields: InputField[], example: JsonObject): URLSearchParams {
  const out = new URLSearchParams();
  const byName = new Map(fields.map((field) => [field.name, field]));
  for (const [name, value] of Object.entries(example)) append(out, name, value, byName.get(name));
  return out;
}

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * An example call of `operation` (default: `exampleOperation(spec)`) against the mock at `baseUrl`,
 * signed with the demo key for the spec's signing scope; presigned URLs stay valid `expiresInSeconds`.
 */
export async function exampleCall(
  spec: MockSpec,
  baseUrl: string,
  options: {
    operation?: MockOperation;
    credentials?: { accessKeyId: string; secretAccessKey: string };
    expiresInSeconds?: number;
  } = {},
): Promise<ExampleCall> {
  const operation = options.operation ?? exampleOperation(spec);
  if (!operation) throw new Error(`${spec.title || spec.signing.service} has no operations`);
  const url = new URL(baseUrl.replace(/\/?$/, '/'));
  url.search = new URLSearchParams({ Action: operation.action, Version: operation.version }).toString();
  const example = isObject(operation.requestExample) ? operation.requestExample : {};
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (operation.encoding === 'query') {
    for (const [name, value] of encode(operation.query, example)) url.searchParams.append(name, value);
  } else if (operation.encoding === 'json') {
    headers['Content-Type'] = MEDIA_TYPES.json;
    body = JSON.stringify(example);
  } else {
    // Multipart parts are sent as a form too: the mock reads both alike.
    headers['Content-Type'] = MEDIA_TYPES.form;
    body = encode(operation.body?.fields ?? [], example).toString();
  }
  let href = url.href;
  if (operation.signed) {
    href = await presignUrl(
      {
        method: operation.method,
        url: href,
        ...(body !== undefined ? { bodySha256: createHash('sha256').update(body).digest('hex') } : {}),
      },
      {
        credentials: options.credentials ?? MOCK_CREDENTIALS,
        region: spec.signing.region,
        service: spec.signing.service,
        expiresInSeconds: options.expiresInSeconds ?? 900,
      },
    );
  }
  const curl = [
    'curl',
    ...(operation.method === 'POST' ? ['-X POST'] : []),
    ...Object.entries(headers).map(([name, value]) => `-H ${quote(`${name}: ${value}`)}`),
    ...(body !== undefined ? [`--data ${quote(body)}`] : []),
    quote(href),
  ].join(' ');
  return {
    operation,
    method: operation.method,
    url: href,
    headers,
    ...(body !== undefined ? { body } : {}),
    curl,
  };
}
