/** Header signing, Request signing and the fetch middleware, plus the helpers presigned URLs share. */
import {
  authorization,
  canonicalHeaderValue,
  canonicalRequest,
  formatXDate,
  type HeaderList,
  headerNames,
  sortHeaders,
  stringToSign,
} from './canonical.ts';
import type { Context } from './context.ts';
import type { Awaitable, CryptoProvider } from './crypto.ts';
import { fail } from './errors.ts';
import type { ScopedKey } from './key-cache.ts';
import type {
  CreateSigningMiddlewareFunction,
  HeaderInput,
  RequestParts,
  SignFunction,
  SigningHeaders,
  SignOptions,
  SignRequestFunction,
} from './types.ts';
import {
  checkBodySha256,
  checkCredentials,
  checkHeaderValue,
  checkMethod,
  checkScope,
  checkSignHeaders,
} from './validate.ts';

/** Hex signature of a canonical request under a scoped key; synchronous whenever the hash provider is. */
export const seal = <Key>(
  crypto: CryptoProvider<Key>,
  { scope, key }: ScopedKey<Key>,
  xDate: string,
  canonical: string,
): Awaitable<string> => {
  const hash = crypto.sha256Hex(canonical);
  return typeof hash === 'string' && !(key instanceof Promise)
    ? crypto.hmacHex(key, stringToSign(xDate, scope, hash))
    : Promise.all([hash, key]).then(([h, k]) => crypto.hmacHex(k, stringToSign(xDate, scope, h)));
};

/** Hex signature of a canonical request. */
export const signature = <Key>(
  ctx: Context<Key>,
  secret: string,
  xDate: string,
  region: string,
  service: string,
  canonical: string,
): Awaitable<string> =>
  seal(ctx.crypto, ctx.key(secret, xDate.slice(0, 8), region, service), xDate, canonical);

/** Appends the wanted headers the caller supplied, as lowercase names with canonical values. */
export const pickHeaders = (
  input: HeaderInput | undefined,
  wanted: string[],
  out: HeaderList,
): HeaderList => {
  const start = out.length;
  for (const [key, value] of typeof (input as Headers)?.get === 'function'
    ? (input as Headers)
    : Object.entries(input ?? {})) {
    const name = key.toLowerCase();
    if (wanted.includes(name)) {
      let i = start;
      while (i < out.length && (out[i] as [string, string])[0] !== name) i++;
      // One name in two spellings: combined the way Fetch Headers would.
      if (i < out.length) (out[i] as [string, string])[1] += `, ${value}`;
      else out.push([name, String(value)]);
    }
  }
  for (let i = start; i < out.length; i++) {
    const h = out[i] as [string, string];
    // Visible ASCII words separated by single spaces are already valid and canonical.
    if (!/^[!-~]+(?: [!-~]+)*$/.test(h[1])) h[1] = canonicalHeaderValue(checkHeaderValue(h[0], h[1]));
  }
  return out;
};

const DEFAULT_WANTED = ['content-type'];

/** What every signature starts from: the checked key id, token, time and method, and the scoped key. */
export interface Prepared<Key> {
  accessKeyId: string;
  token: string | undefined;
  xDate: string;
  method: string;
  scoped: ScopedKey<Key>;
}

/** Checks what every signature needs and looks up the signing key (cached). */
export const prepare = <Key>(ctx: Context<Key>, method: string, options: SignOptions): Prepared<Key> => {
  const { credentials, region, service } = options;
  const { accessKeyId, secretAccessKey, sessionToken } = checkCredentials(credentials);
  checkScope(region, service);
  const xDate =
    formatXDate(options.date ?? new Date()) ??
    fail('InvalidDate', 'date is not a valid Date in the years 0000 to 9999');
  return {
    accessKeyId,
    token: sessionToken,
    xDate,
    method: checkMethod(method),
    scoped: ctx.key(secretAccessKey, xDate.slice(0, 8), region, service),
  };
};

/** The signing headers for a request; synchronous whenever the hash provider is. */
export const signParts = <Key>(
  ctx: Context<Key>,
  parts: RequestParts,
  options: SignOptions,
): Awaitable<SigningHeaders> => {
  const { accessKeyId, token, xDate, method, scoped } = prepare(ctx, parts.method, options);
  const url = ctx.url(parts.url);
  const extra = options.signHeaders;
  const headers = pickHeaders(
    parts.headers,
    extra ? [...DEFAULT_WANTED, ...checkSignHeaders(extra)] : DEFAULT_WANTED,
    [['host', url.host]],
  );
  const body: unknown = parts.body ?? '';
  const payload =
    parts.bodySha256 !== undefined
      ? checkBodySha256(parts.bodySha256)
      : typeof body === 'string' || body instanceof Uint8Array
        ? ctx.crypto.sha256Hex(body)
        : fail(
            'UnhashableBody',
            `cannot hash a body of type ${(body as object).constructor?.name}; pass a string or bytes, or bodySha256`,
          );

  const finish = (payloadHash: string): Awaitable<SigningHeaders> => {
    headers.push(['x-content-sha256', payloadHash], ['x-date', xDate]);
    if (token) headers.push(['x-security-token', token]);
    const names = headerNames(sortHeaders(headers));
    const sig = seal(
      ctx.crypto,
      scoped,
      xDate,
      canonicalRequest(method, url.path, url.query, headers, names, payloadHash),
    );
    const result = (sig: string): SigningHeaders => {
      const out: SigningHeaders = { 'X-Date': xDate, 'X-Content-Sha256': payloadHash };
      if (token) out['X-Security-Token'] = token;
      out.Authorization = authorization(accessKeyId, scoped.scope, names, sig);
      return out;
    };
    return typeof sig === 'string' ? result(sig) : sig.then(result);
  };
  return typeof payload === 'string' ? finish(payload) : payload.then(finish);
};

/**
 * The public functions below take the context and return the function an entry exports: an entry binds
 * each with one pure call (tree-shaken when unused), and `createSigner` binds them to its own context.
 */
export const sign =
  <Key>(ctx: Context<Key>): SignFunction =>
  async (parts, options) =>
    signParts(ctx, parts, options);

/** The body bytes, read from a clone so the Request stays readable; undefined when there is no body. */
export const readBody = async (request: Request): Promise<Uint8Array<ArrayBuffer> | undefined> =>
  request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;

export const signRequest =
  <Key>(ctx: Context<Key>): SignRequestFunction =>
  async (request, options) => {
    const declared = request.headers.get('x-content-sha256');
    const body = declared === null ? await readBody(request) : undefined;
    const added = await signParts(
      ctx,
      {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body,
        bodySha256: declared ?? undefined,
      },
      options,
    );
    const headers = new Headers(request.headers);
    for (const name in added) headers.set(name, added[name] as string);
    // Bytes already read become the new body, so the caller's Request keeps its own.
    return new Request(request, body ? { headers, body } : { headers });
  };

export const createSigningMiddleware =
  <Key>(ctx: Context<Key>): CreateSigningMiddlewareFunction =>
  ({ credentials, region, service, clock, signHeaders }) => {
    checkScope(region, service);
    checkSignHeaders(signHeaders);
    if (typeof credentials !== 'function') checkCredentials(credentials);
    return {
      onRequest: async ({ request }) =>
        signRequest(ctx)(request, {
          credentials: typeof credentials === 'function' ? await credentials() : credentials,
          region,
          service,
          date: clock?.(),
          signHeaders,
        }),
    };
  };
