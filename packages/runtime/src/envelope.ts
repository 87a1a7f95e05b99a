import { RpcError } from './errors.ts';
import type { HeaderReader } from './send.ts';
import type { RpcErrorBody } from './types.ts';

/** The gateway sends the RequestId in this header too, also on answers that are not the envelope. */
export const REQUEST_ID_HEADER = 'x-tt-logid';

type Metadata = { RequestId?: unknown; Action?: unknown; Version?: unknown; Error?: { Code?: unknown } };

const metadataOf = (body: unknown): Metadata | undefined =>
  (body as { ResponseMetadata?: Metadata } | null)?.ResponseMetadata;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** True when a parsed body is the Volcengine error envelope (`ResponseMetadata.Error` with a string Code). */
export const isErrorEnvelope = (body: unknown): body is RpcErrorBody =>
  typeof metadataOf(body)?.Error?.Code === 'string';

/** Parses a response text as JSON without throwing; `undefined` when it is not JSON. */
export function parseJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    return undefined;
  }
}

/** The RequestId of an answer: from the envelope, else from the gateway's header. */
export const requestIdOf = (body: unknown, response: { headers: HeaderReader }): string | undefined =>
  str(metadataOf(body)?.RequestId) ?? response.headers.get(REQUEST_ID_HEADER) ?? undefined;

/** Who was called, for errors: used where the answer does not echo it. */
export interface Called {
  action?: string;
  version?: string;
}

/**
 * The error an answer stands for, or undefined for a success: the error envelope (whatever the HTTP
 * status; VMS and SMS send some with 200) is an `api` error; a body that is not the envelope (an HTML page
 * from a proxy, an empty or truncated body, JSON without `ResponseMetadata`) is `unexpected-response`,
 * with the status and a short excerpt — never a JSON parse exception.
 */
export function errorOf(
  response: { status: number; headers: HeaderReader },
  source: string,
  body: unknown,
  called: Called,
): RpcError | undefined {
  // A success is the envelope: a body without a `ResponseMetadata` object is not one.
  if (
    response.status >= 200 &&
    response.status < 300 &&
    metadataOf(body) instanceof Object &&
    !isErrorEnvelope(body)
  )
    return undefined;
  const metadata = metadataOf(body);
  const fields = {
    status: response.status,
    RequestId: requestIdOf(body, response),
    Action: str(metadata?.Action) ?? called.action,
    Version: str(metadata?.Version) ?? called.version,
  };
  if (isErrorEnvelope(body)) {
    const { Error: detail, Service, Region } = body.ResponseMetadata;
    return new RpcError({
      kind: 'api',
      ...fields,
      ...detail,
      Message: String(detail.Message ?? ''),
      Service,
      Region,
    });
  }
  const excerpt = source.length > 200 ? `${source.slice(0, 200)}…` : source;
  return new RpcError({
    kind: 'unexpected-response',
    ...fields,
    Code: 'UnexpectedResponse',
    Message: `HTTP ${response.status} with ${source.trim() ? `a body that is not the Volcengine JSON envelope: ${excerpt}` : 'an empty body'}`,
  });
}
