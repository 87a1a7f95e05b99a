import { encodeForm, encodeMultipart, encodeQuery, type FieldStyles } from './form.ts';
import { paginate } from './paginate.ts';
import type { Outgoing, Transport } from './transport.ts';
import type { CallOptions, OperationMeta, RpcResult } from './types.ts';

type Call = (input: object | undefined, options?: CallOptions) => Promise<RpcResult<unknown>>;

/** Calls one operation, given its facts from the spec; what `createRpcService` returns as `call`. */
export type OperationCall = <TData, TCode extends string = string>(
  meta: OperationMeta,
  input?: object,
  options?: CallOptions,
) => Promise<RpcResult<TData, TCode>>;

/**
 * The wire request of one call, input placed where the spec says it travels. Facade calls build it
 * directly rather than through openapi-fetch: one Request fewer, and the body bytes are known up
 * front, so they are hashed without being read back from a stream.
 */
async function outgoing(
  endpoint: string,
  styles: FieldStyles,
  meta: OperationMeta,
  input: object | undefined,
  options?: CallOptions,
) {
  const out: Outgoing = { url: endpoint + meta.path, method: meta.method, headers: { ...options?.headers } };
  if (input === undefined) return out;
  const type = (contentType: string | null) => ({
    'Content-Type': contentType as string,
    ...options?.headers,
  });
  if (meta.encoding === 'query') {
    // GET, or a body-less POST: parameters join the path key's query.
    const query = encodeQuery(input, styles);
    if (query) out.url += `&${query}`;
  } else if (meta.encoding === 'form') {
    out.body = encodeForm(input, styles);
    out.headers = type('application/x-www-form-urlencoded');
  } else if (meta.encoding === 'multipart') {
    // Serialized once here, boundary included, so that the signature covers these exact bytes.
    const form = new Response(encodeMultipart(input, styles));
    out.body = new Uint8Array(await form.arrayBuffer());
    out.headers = type(form.headers.get('content-type'));
  } else {
    out.body = JSON.stringify(input);
    out.headers = type('application/json');
  }
  return out;
}

/**
 * The `call` of one service: sends an operation's call through `transport` and settles the envelope:
 * a success body becomes `data`; an error envelope becomes `error` whatever the HTTP status (some
 * services send errors with 200); a body that is not the envelope becomes an `unexpected-response`
 * error instead of a parse exception. Network failures, timeouts and aborts are thrown as `RpcError`.
 * The `response` is the final answer, its body already read into `data`/`error` (a fetch's
 * `Response` is consumed; Node's default send makes one from the text when `response` is first read).
 */
export function operationCall(transport: Transport, endpoint: string, styles: FieldStyles): OperationCall {
  return async function call<TData, TCode extends string = string>(
    meta: OperationMeta,
    input?: object,
    options?: CallOptions,
  ): Promise<RpcResult<TData, TCode>> {
    const { reply, body, error, requestId } = await transport(
      await outgoing(endpoint, styles, meta, input, options),
      { meta, options },
    );
    // `response` is made when first read: building a Response costs more than the rest of the answer.
    const result = error ? { error, requestId } : { data: body, requestId };
    // Any code the server sends fits `TCode | (string & {})`; the cast only names the documented ones.
    return Object.defineProperty(result, 'response', { get: reply.response, enumerable: true }) as RpcResult<
      TData,
      TCode
    >;
  };
}

/** One method per operation of `table`, each sending through `call` (from `createRpcService`). */
export function operationMethods<T>(call: OperationCall, table: Record<string, OperationMeta>): T {
  const methods: Record<string, Call> = {};
  for (const id in table) {
    const meta = table[id] as OperationMeta;
    methods[id] = (input, options) => call(meta, input, options);
  }
  return methods as T;
}

/** One paginator per operation of `table` that declares `pagination`, over the bound `methods`. */
export function operationPaginators<T>(methods: object, table: Record<string, OperationMeta>): T {
  const out: Record<string, (input?: object, options?: CallOptions) => unknown> = {};
  for (const id in table) {
    const { pagination } = table[id] as OperationMeta;
    const call = (methods as Record<string, Call>)[id];
    if (pagination && call) out[id] = (input, options) => paginate(call, pagination, input, options);
  }
  return out as T;
}
