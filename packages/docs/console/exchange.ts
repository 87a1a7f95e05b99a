// Signs a console request in the browser with @volc-openapi/signer (over the exact body bytes) and
// sends it with fetch; reads the answer's status, RequestId and error code.
import type { ConsoleService } from '@volc-openapi/codegen';
import { type Credentials, sign } from '@volc-openapi/signer';
import type { WireRequest } from './wire.ts';

/** Header the gateway (and the mock) sends the RequestId in. */
const REQUEST_ID_HEADER = 'X-Tt-Logid';

export async function signed(
  request: WireRequest,
  scope: Pick<ConsoleService, 'region' | 'service'>,
  credentials: Credentials,
): Promise<WireRequest> {
  const headers = await sign(
    { method: request.method, url: request.url, headers: request.headers, body: request.body ?? '' },
    { credentials, region: scope.region, service: scope.service },
  );
  return { ...request, headers: { ...request.headers, ...headers } };
}

export interface Answer {
  status: number;
  statusText: string;
  requestId?: string;
  /** `ResponseMetadata.Error.Code` of an error envelope. */
  errorCode?: string;
  /** The body, pretty-printed when it is JSON. */
  text: string;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

export async function send(request: WireRequest): Promise<Answer> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
  });
  const raw = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const metadata = record(record(parsed)?.ResponseMetadata);
  const code = record(metadata?.Error)?.Code;
  const requestId = metadata?.RequestId ?? response.headers.get(REQUEST_ID_HEADER) ?? undefined;
  return {
    status: response.status,
    statusText: response.statusText,
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(typeof code === 'string' ? { errorCode: code } : {}),
    text: parsed === undefined ? raw : JSON.stringify(parsed, null, 2),
  };
}
