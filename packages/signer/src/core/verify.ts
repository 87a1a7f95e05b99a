/** Server-side check of a signed request (Authorization header or presigned URL). */
import {
  ALGORITHM,
  canonicalHeaderValue,
  canonicalHost,
  canonicalQuery,
  canonicalRequest,
  EMPTY_SHA256,
  type HeaderList,
  parseXDate,
  sameString,
} from './canonical.ts';
import { type Context, createContext } from './context.ts';
import type { CryptoProvider } from './crypto.ts';
import { fail } from './errors.ts';
import { readBody, signature } from './sign.ts';
import type {
  ReceivedHeaders,
  VerifyFailureReason,
  VerifyFunction,
  VerifyOptions,
  VerifyRequestFunction,
  VerifyResult,
} from './types.ts';

/** What the check reads of a request; the body only once the cheap checks have passed. */
interface Received {
  method: string;
  url: string | URL;
  header: (name: string) => string | null;
  body: () => Promise<string | Uint8Array | undefined>;
}

/** A lower-case lookup over received headers; repeated values are joined with ", " as `Headers` does. */
function headerReader(headers: ReceivedHeaders): (name: string) => string | null {
  if (typeof headers.get === 'function') return (name) => (headers as Headers).get(name);
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(', ') : String(value);
    const key = name.toLowerCase();
    const before = lower.get(key);
    lower.set(key, before === undefined ? joined : `${before}, ${joined}`);
  }
  return (name) => lower.get(name) ?? null;
}

/** Checks the signature of a received request: the bytes and headers as a server framework hands them over. */
export const verify =
  <Key>(ctx: Context<Key>): VerifyFunction =>
  (request, options) =>
    check(
      ctx,
      {
        method: request.method,
        url: request.url,
        header: headerReader(request.headers),
        body: async () => request.body,
      },
      options,
    );

/** Checks a signed Fetch Request without consuming its body (it is read from a clone, if at all). */
export const verifyRequest =
  <Key>(ctx: Context<Key>): VerifyRequestFunction =>
  (request, options) =>
    check(
      ctx,
      {
        method: request.method,
        url: request.url,
        header: (name) => request.headers.get(name),
        body: () => readBody(request),
      },
      options,
    );

async function check<Key>(
  ctx: Context<Key>,
  request: Received,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const no = (reason: VerifyFailureReason, message: string): VerifyResult => ({
    ok: false,
    reason,
    message,
  });
  const url = new URL(request.url);
  const query = url.searchParams;
  const { header } = request;
  const auth = header('authorization');
  const presigned = auth === null && query.has('X-Signature');
  // [credential, signed header names, signature, X-Date]
  let fields: (string | null | undefined)[];
  let lifetime = 0;

  if (presigned) {
    const param = (name: string) => query.get(`X-${name}`);
    fields = ['Credential', 'SignedHeaders', 'Signature', 'Date'].map(param);
    for (const name of ['Algorithm', 'Credential', 'SignedHeaders', 'Date', 'Expires']) {
      if (param(name) === null) return no('malformed-authorization', `X-${name} query parameter is missing`);
    }
    if (param('Algorithm') !== ALGORITHM)
      return no('malformed-authorization', `X-Algorithm is not ${ALGORITHM}`);
    lifetime = Number(param('Expires'));
    if (!/^\d{1,9}$/.test(param('Expires') as string)) {
      return no('malformed-authorization', 'X-Expires is not a whole number of seconds');
    }
  } else {
    if (auth === null)
      return no('missing-authorization', 'no Authorization header and no X-Signature query parameter');
    fields = (
      /^HMAC-SHA256 Credential=([^,\s]+), ?SignedHeaders=([^,\s]+), ?Signature=(\S+)$/.exec(auth) ?? []
    ).slice(1);
    if (!fields.length) {
      return no(
        'malformed-authorization',
        'Authorization is not "HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"',
      );
    }
    fields[3] = header('x-date');
    if (fields[3] === null) return no('missing-header', 'X-Date header is missing');
  }
  const [credential, names, sig, xDate] = fields as [string, string, string, string];

  const [, accessKeyId = '', day, region = '', service = ''] =
    /^([^/]+)\/(\d{8})\/([\w-]+)\/([\w-]+)\/request$/.exec(credential) ?? [];
  if (!day)
    return no(
      'malformed-authorization',
      'Credential is not "{AccessKeyId}/{YYYYMMDD}/{region}/{service}/request"',
    );
  if (!/^[!#$%&'*+.^`|~a-z\d_-]+(;[!#$%&'*+.^`|~a-z\d_-]+)*$/.test(names)) {
    return no(
      'malformed-authorization',
      'SignedHeaders is not a ";"-separated list of lowercase header names',
    );
  }
  if (!/^[\da-f]{64}$/.test(sig))
    return no('malformed-authorization', 'Signature is not 64 lowercase hex digits');
  const signedAt = parseXDate(xDate);
  if (signedAt === undefined)
    return no('malformed-authorization', `X-Date "${xDate}" is not YYYYMMDDTHHMMSSZ`);
  if (!xDate.startsWith(day))
    return no('scope-mismatch', `credential scope date ${day} is not the X-Date day`);
  for (const [what, got, want] of [
    ['region', region, options.region],
    ['service', service, options.service],
  ]) {
    if (want !== undefined && got !== want) {
      return no('scope-mismatch', `credential scope ${what} "${got}" is not the expected "${want}"`);
    }
  }

  const now = +(options.now ?? new Date());
  const skew = (options.maxSkewSeconds ?? 900) * 1000;
  if (Number.isNaN(now) || !(skew >= 0))
    fail('InvalidDate', 'now must be a valid Date and maxSkewSeconds a number ≥ 0');
  if (signedAt - now > skew)
    return no('future-date', `X-Date ${xDate} is more than ${skew / 1000} s ahead of now`);
  if (presigned ? now > signedAt + lifetime * 1000 : now - signedAt > skew) {
    return no(
      'expired',
      presigned
        ? `URL expired ${lifetime} s after X-Date ${xDate}`
        : `X-Date ${xDate} is more than ${skew / 1000} s old`,
    );
  }

  const secret = await options.resolveSecret(accessKeyId);
  if (!secret) return no('unknown-access-key', `access key "${accessKeyId}" is not known`);

  const signedHeaders = names.split(';');
  const headers: HeaderList = [];
  for (const name of signedHeaders) {
    const value = name === 'host' ? canonicalHost(header('host') ?? url.host) : header(name);
    if (value === null) return no('missing-header', `signed header "${name}" is missing`);
    headers.push([name, canonicalHeaderValue(value)]);
  }

  // The signature cannot sign itself: a presigned URL's canonical query leaves it out.
  if (presigned) query.delete('X-Signature');
  const body = await request.body();
  const payloadHash = body?.length ? await ctx.crypto.sha256Hex(body) : EMPTY_SHA256;
  const declared = header('x-content-sha256');
  if (declared !== null && declared.toLowerCase() !== payloadHash) {
    return no('body-hash-mismatch', 'X-Content-Sha256 is not the SHA-256 of the body');
  }
  const expected = await signature(
    ctx,
    secret,
    xDate,
    region,
    service,
    canonicalRequest(
      request.method.toUpperCase(),
      url.pathname,
      canonicalQuery(query),
      headers,
      names,
      payloadHash,
    ),
  );
  return sameString(expected, sig)
    ? { ok: true, accessKeyId, region, service, signedHeaders }
    : no('signature-mismatch', `signature does not match the request rebuilt from SignedHeaders=${names}`);
}

/** `verifyRequest` bound to a custom hash implementation (for runtimes the two builds do not cover). */
export const createVerifyRequest = <Key>(crypto: CryptoProvider<Key>): VerifyRequestFunction =>
  verifyRequest(createContext(crypto));

/** `verify` bound to a custom hash implementation. */
export const createVerify = <Key>(crypto: CryptoProvider<Key>): VerifyFunction =>
  verify(createContext(crypto));
