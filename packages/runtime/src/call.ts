import type { Client } from 'openapi-fetch';
import { isErrorEnvelope, parseJson, unexpectedResponse } from './envelope.ts';
import { encodeForm, encodeMultipart } from './form.ts';
import type { CallOptions, OperationMeta, RpcErrorBody, RpcResult } from './types.ts';

type RawResult = { data?: unknown; error?: unknown; response: Response };
type RawMethod = (path: string, init: Record<string, unknown>) => Promise<RawResult>;

/** Builds the openapi-fetch init for one call, placing the input where the spec says it travels. */
function requestInit(meta: OperationMeta, input: object | undefined, options: CallOptions | undefined) {
  const init: Record<string, unknown> = {
    parseAs: 'text',
    signal: options?.signal,
    headers: options?.headers,
  };
  if (input === undefined) return init;
  if (meta.encoding === 'query') init.params = { query: input };
  else if (meta.encoding === 'form') {
    init.body = input;
    init.bodySerializer = encodeForm;
    init.headers = { 'Content-Type': 'application/x-www-form-urlencoded', ...options?.headers };
  } else if (meta.encoding === 'multipart') {
    init.body = input;
    init.bodySerializer = encodeMultipart;
  } else init.body = input;
  return init;
}

/**
 * Calls one operation through an openapi-fetch client and settles the VMS envelope: a success body
 * becomes `data`; an error envelope becomes `error` whatever the HTTP status (VMS sends some errors with
 * 200); a body that is not the envelope becomes an `UnexpectedResponse` error instead of a parse exception.
 */
export async function callOperation<TData, TCode extends string = string>(
  client: Client<object>,
  meta: OperationMeta,
  input: object | undefined,
  options?: CallOptions,
): Promise<RpcResult<TData, TCode>> {
  const method = (meta.method === 'GET' ? client.GET : client.POST) as unknown as RawMethod;
  const raw = await method(meta.path, requestInit(meta, input, options));
  const { response } = raw;
  const text = typeof raw.data === 'string' ? raw.data : typeof raw.error === 'string' ? raw.error : '';
  const body = typeof raw.error === 'object' && raw.error !== null ? raw.error : parseJson(text);

  // Any code the server sends fits `TCode | (string & {})`; the cast only names the documented ones.
  if (isErrorEnvelope(body)) return { error: body as RpcErrorBody<TCode>, response };
  if (!response.ok || body === undefined) {
    return { error: unexpectedResponse(response, text) as RpcErrorBody<TCode>, response };
  }
  return { data: body as TData, response };
}
