import type { Client } from 'openapi-fetch';
import { encodeForm, encodeMultipart, encodeQuery } from './form.ts';
import { paginate } from './paginate.ts';
import type { Outgoing, Transport } from './transport.ts';
import type { CallOptions, OperationMeta, RpcResult } from './types.ts';

type Call = (input: object | undefined, options?: CallOptions) => Promise<RpcResult<unknown>>;

/** The transport and endpoint of each client made by `createRpcClient`. */
export const clients = new WeakMap<object, { transport: Transport; endpoint: string }>();

/**
 * The wire request of one call, input placed where the spec says it travels. Facade calls build it
 * directly rather than through openapi-fetch: one Request fewer, and the body bytes are known up
 * front, so they are hashed without being read back from a stream.
 */
async function outgoing(
  endpoint: string,
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
    const query = encodeQuery(input);
    if (query) out.url += `&${query}`;
  } else if (meta.encoding === 'form') {
    out.body = encodeForm(input);
    out.headers = type('application/x-www-form-urlencoded');
  } else if (meta.encoding === 'multipart') {
    // Serialized once here, boundary included, so that the signature covers these exact bytes.
    const form = new Response(encodeMultipart(input));
    out.body = new Uint8Array(await form.arrayBuffer());
    out.headers = type(form.headers.get('content-type'));
  } else {
    out.body = JSON.stringify(input);
    out.headers = type('application/json');
  }
  return out;
}

/**
 * Calls one operation of a client made by `createRpcClient` and settles the VMS envelope: a success
 * body becomes `data`; an error envelope becomes `error` whatever the HTTP status (VMS sends some
 * errors with 200); a body that is not the envelope becomes an `unexpected-response` error instead of
 * a parse exception. Network failures, timeouts and aborts are thrown as `RpcError`. The `response`
 * is the final answer, its body already read into `data`/`error` (a fetch's `Response` is consumed;
 * Node's default send makes one from the text when `response` is first read).
 */
export async function callOperation<TData, TCode extends string = string>(
  client: Client<object>,
  meta: OperationMeta,
  input: object | undefined,
  options?: CallOptions,
): Promise<RpcResult<TData, TCode>> {
  const found = clients.get(client);
  if (!found) throw new TypeError('callOperation needs a client made by createRpcClient');
  const { reply, body, error, requestId } = await found.transport(
    await outgoing(found.endpoint, meta, input, options),
    { meta, options },
  );
  // `response` is made when first read: building a Response costs more than the rest of the answer.
  const result = error ? { error, requestId } : { data: body, requestId };
  // Any code the server sends fits `TCode | (string & {})`; the cast only names the documented ones.
  return Object.defineProperty(result, 'response', { get: reply.response, enumerable: true }) as RpcResult<
    TData,
    TCode
  >;
}

/** One method per operation of `table`, each calling {@link callOperation} on `client`. */
export function operationMethods<T>(client: object, table: Record<string, OperationMeta>): T {
  const methods: Record<string, Call> = {};
  for (const id in table) {
    const meta = table[id] as OperationMeta;
    methods[id] = (input, options) => callOperation(client as Client<object>, meta, input, options);
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
