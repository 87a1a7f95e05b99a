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
