// The raw openapi-fetch client: the one module that uses openapi-fetch (frozen since 2026-09-19), so
// that a successor replaces this file only. openapi-fetch tells `data` from `error` by `response.ok`,
// but VMS and SMS send some error envelopes with HTTP 200: one middleware moves those to `error`, and
// the raw client's types say so for every operation. Lists and objects in the query and in form bodies
// are written as the spec declares them.

import type { Client, Middleware } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import { isErrorEnvelope, parseJson } from './envelope.ts';
import { encodeForm, encodeQuery, type FieldStyles } from './form.ts';
import { joinQuery } from './query-join.ts';
import type { RpcErrorBody, SuccessBody } from './types.ts';

/**
 * openapi-fetch's `createClient` (its default export). Our CommonJS build imports its CommonJS build the
 * way Node does, with the whole `module.exports` as the default, whose own `default` is the function.
 */
const createClient: typeof openapiFetch.default =
  typeof openapiFetch.default === 'function'
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: typeof openapiFetch.default }).default;

/**
 * Hands openapi-fetch an error envelope that came with a 2xx status as a response it reads as an error.
 * The status stays the one the server sent; only `ok` says that the answer is not a success.
 */
export const envelopeErrors: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) return undefined;
    const text = await response.clone().text();
    if (!isErrorEnvelope(parseJson(text))) return undefined;
    const failed = new Response(text, response);
    Object.defineProperty(failed, 'ok', { value: false });
    return failed;
  },
};

/** The statuses openapi-fetch types as success (openapi-typescript-helpers' `OkStatus`). */
type OkStatus = 200 | 201 | 202 | 203 | 204 | 206 | 207 | '2XX';

/** A success response whose content no longer admits the error envelope (the middleware moved it). */
type WithoutEnvelope<Response> = {
  [K in keyof Response]: K extends 'content'
    ? { [Media in keyof Response[K]]: SuccessBody<Response[K][Media]> }
    : Response[K];
};

/** The JSON of an operation's own `default` response, if it declares one. */
type DeclaredDefault<Responses> = Responses extends {
  default: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** An operation's responses as the raw client answers them: the envelope is an error, whatever the status. */
type RawResponses<Responses> = {
  [Status in keyof Responses | 'default']: Status extends 'default'
    ? {
        headers: { [name: string]: unknown };
        content: { 'application/json': RpcErrorBody | DeclaredDefault<Responses> };
      }
    : Status extends OkStatus
      ? WithoutEnvelope<Responses[Status & keyof Responses]>
      : Responses[Status & keyof Responses];
};

type RawOperation<Operation> = Operation extends { responses: infer Responses }
  ? { [K in keyof Operation]: K extends 'responses' ? RawResponses<Responses> : Operation[K] }
  : Operation;

/** An openapi-typescript `paths` type as the raw client answers it: error envelopes are always `error`. */
export type RawPaths<Paths> = {
  [Path in keyof Paths]: { [Method in keyof Paths[Path]]: RawOperation<Paths[Path][Method]> };
};

/** The typed openapi-fetch client of an API, whose `error` is the error envelope whatever the HTTP status. */
export type RawClient<Paths> = Client<RawPaths<Paths>>;

/**
 * The raw client of an API at `baseUrl`: requests go out through `send` (the runtime's signed, retried
 * transport), written with the declared `styles`, and error envelopes come back as `error`.
 */
export function createRawClient<Paths>(
  baseUrl: string,
  styles: FieldStyles,
  send: (request: Request) => Promise<Response>,
): RawClient<Paths> {
  const raw = createClient<RawPaths<Paths>>({
    baseUrl,
    fetch: send,
    querySerializer: (query) => encodeQuery(query, styles),
    bodySerializer: (body: unknown, headers?: unknown) =>
      headerOf(headers, 'content-type') === 'application/x-www-form-urlencoded'
        ? encodeForm(body, styles)
        : JSON.stringify(body),
  });
  raw.use(envelopeErrors);
  return raw;
}

/** A header of the headers openapi-fetch hands its body serializer (a Headers or a plain record). */
function headerOf(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const record = (headers ?? {}) as Record<string, unknown>;
  const found = Object.keys(record).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : String(record[found]);
}

/**
 * {@link joinQuery} as an openapi-fetch middleware, for openapi-fetch clients not made by
 * `createRpcClient` (whose transport joins the query itself).
 */
export const rpcQueryJoin: Middleware = {
  async onRequest({ request }) {
    const joined = joinQuery(request.url);
    if (joined === request.url) return undefined;
    const body = request.body === null ? undefined : await request.arrayBuffer();
    return new Request(joined, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
    });
  },
};
