import type { RpcErrorBody } from './types.ts';

const EXCERPT_LENGTH = 200;

/** True when a parsed body is the VMS error envelope (`ResponseMetadata.Error` set). */
export function isErrorEnvelope(body: unknown): body is RpcErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const metadata = (body as { ResponseMetadata?: { Error?: unknown } }).ResponseMetadata;
  const error = metadata?.Error;
  return (
    typeof error === 'object' && error !== null && typeof (error as { Code?: unknown }).Code === 'string'
  );
}

/** Parses a response text as JSON without throwing; `undefined` when it is not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * An answer that is not the VMS envelope (an HTML error page from a proxy, an empty or truncated
 * body) becomes an error body of its own, code `UnexpectedResponse`, with the status and an excerpt.
 */
export function unexpectedResponse(response: Response, text: string): RpcErrorBody {
  const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
  const what = text.trim() === '' ? 'an empty body' : `a body that is not the VMS JSON envelope: ${excerpt}`;
  return {
    ResponseMetadata: {
      RequestId: response.headers.get('x-tt-logid') ?? undefined,
      Error: { Code: 'UnexpectedResponse', Message: `HTTP ${response.status} with ${what}` },
    },
  };
}
