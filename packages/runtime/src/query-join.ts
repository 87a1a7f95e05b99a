import type { Middleware } from 'openapi-fetch';

/**
 * openapi-fetch appends `?<query>` to the path key, but an RPC path key already holds
 * `?Action=...&Version=...`. This middleware turns the second `?` into `&` so that GET parameters
 * land in the same query string. It must run before signing, which covers the final URL.
 */
export const rpcQueryJoin: Middleware = {
  async onRequest({ request }) {
    const url = request.url;
    const first = url.indexOf('?');
    const second = first === -1 ? -1 : url.indexOf('?', first + 1);
    if (second === -1) return undefined;
    const joined = `${url.slice(0, second)}&${url.slice(second + 1)}`;
    const body = request.body === null ? undefined : await request.arrayBuffer();
    return new Request(joined, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
    });
  },
};
