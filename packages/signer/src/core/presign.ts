/** Presigned URLs: the signature travels in the query string. */
import {
  ALGORITHM,
  canonicalHost,
  canonicalQuery,
  canonicalRequest,
  EMPTY_SHA256,
  headerNames,
  sortHeaders,
} from './canonical.ts';
import { type Context, createContext } from './context.ts';
import type { CryptoProvider } from './crypto.ts';
import { pickHeaders, prepare, seal } from './sign.ts';
import type { PresignUrlFunction } from './types.ts';
import { checkBodySha256, checkExpires, checkSignHeaders, checkUrl } from './validate.ts';

/** Takes the context and returns the bound function, like the functions in `sign.ts`. */
export const presignUrl =
  <Key>(ctx: Context<Key>): PresignUrlFunction =>
  async (parts, options) => {
    const { accessKeyId, token, xDate, method, scoped } = prepare(ctx, parts.method, options);
    const expires = checkExpires(options.expiresInSeconds ?? 900);
    const url = checkUrl(parts.url);
    const payloadHash = parts.bodySha256 === undefined ? EMPTY_SHA256 : checkBodySha256(parts.bodySha256);
    const headers = sortHeaders(
      pickHeaders(parts.headers, checkSignHeaders(options.signHeaders), [['host', canonicalHost(url.host)]]),
    );
    const names = headerNames(headers);
    const query = url.searchParams;
    const params: [string, string | undefined][] = [
      ['Algorithm', ALGORITHM],
      ['Credential', `${accessKeyId}/${scoped.scope}`],
      ['Date', xDate],
      ['Expires', String(expires)],
      ['SignedHeaders', names],
      ['Security-Token', token],
      ['Signature', undefined],
    ];
    // Signature parameters are always ours, never the caller's.
    for (const [name] of params) query.delete(`X-${name}`);
    for (const [name, value] of params) if (value) query.append(`X-${name}`, value);
    const signedQuery = canonicalQuery(query);
    const sig = await seal(
      ctx.crypto,
      scoped,
      xDate,
      canonicalRequest(method, url.pathname, signedQuery, headers, names, payloadHash),
    );
    // The canonical query is itself a valid query string, so the URL carries exactly what was signed.
    url.search = `${signedQuery}&X-Signature=${sig}`;
    return url.href;
  };

/** `presignUrl` bound to a custom hash implementation (for runtimes the two builds do not cover). */
export const createPresignUrl = <Key>(crypto: CryptoProvider<Key>): PresignUrlFunction =>
  presignUrl(createContext(crypto));
