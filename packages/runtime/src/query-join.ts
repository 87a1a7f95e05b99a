import type { Middleware } from 'openapi-fetch';

/**
 * openapi-fetch appends `?<query>` to the path key, but an RPC path key already holds
 * `?Action=...&Version=...`. Turns the second `?` into `&` so that query parameters land in the same
 * query string. The runtime's transport applies it before signing, which covers the final URL.
 */
export function joinQuery(url: string): string {
  const first = url.indexOf('?');
  const second = first === -1 ? -1 : url.indexOf('?', first + 1);
  return second === -1 ? url : `${url.slice(0, second)}&${url.slice(second + 1)}`;
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
