// Volcengine's HMAC-SHA256 signature computed step by step from the published algorithm with
// node:crypto only, keeping every intermediate value. It is the repo's one independent statement of
// the algorithm: the docs' signing walk-through is rendered from it, the contract tests judge the
// client's signatures by it, and its own tests hold it against the official SDK's signer.
import { createHash, createHmac } from 'node:crypto';

export interface SigningParts {
  method: string;
  url: URL | string;
  /** Headers to sign besides `host` (added from the URL): lower-case names with their values. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body bytes (of the empty string when there is no body). */
  payloadSha256: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  xDate: string;
}

/** Every intermediate value of one signature. */
export interface SigningSteps {
  canonicalRequest: string;
  canonicalRequestSha256: string;
  credentialScope: string;
  stringToSign: string;
  /** kDate, kRegion, kService, kSigning as lowercase hex. */
  signingKeys: { date: string; region: string; service: string; request: string };
  signedHeaders: string;
  signature: string;
  authorization: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** RFC 3986 percent-encoding: only `A-Z a-z 0-9 - _ . ~` stay as they are, hex in upper case. */
export const encodeRfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical query: pairs sorted by name as it was given (before encoding, as the official SDKs
 * sort), then by encoded value; names and values encoded.
 */
export function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([name, value]) => [name, encodeRfc3986(value)] as const)
    .sort(([a, x], [b, y]) => byText(a, b) || byText(x, y))
    .map(([name, value]) => `${encodeRfc3986(name)}=${value}`)
    .join('&');
}

/** Signs `parts`, returning every step on the way to the `Authorization` header. */
export function signingSteps(parts: SigningParts): SigningSteps {
  const url = new URL(parts.url);
  const headers: Record<string, string> = { ...parts.headers, host: url.host };
  const names = Object.keys(headers).sort(byText);
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    parts.method.toUpperCase(),
    url.pathname || '/',
    canonicalQuery(url),
    ...names.map((name) => `${name}:${(headers[name] ?? '').trim()}`),
    '',
    signedHeaders,
    parts.payloadSha256,
  ].join('\n');
  const canonicalRequestSha256 = sha256(canonicalRequest);
  const day = parts.xDate.slice(0, 8);
  const credentialScope = `${day}/${parts.region}/${parts.service}/request`;
  const stringToSign = ['HMAC-SHA256', parts.xDate, credentialScope, canonicalRequestSha256].join('\n');
  const kDate = hmac(parts.secretAccessKey, day);
  const kRegion = hmac(kDate, parts.region);
  const kService = hmac(kRegion, parts.service);
  const kSigning = hmac(kService, 'request');
  const signature = createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
  return {
    canonicalRequest,
    canonicalRequestSha256,
    credentialScope,
    stringToSign,
    signingKeys: {
      date: kDate.toString('hex'),
      region: kRegion.toString('hex'),
      service: kService.toString('hex'),
      request: kSigning.toString('hex'),
    },
    signedHeaders,
    signature,
    authorization: `HMAC-SHA256 Credential=${parts.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** The `Authorization` header value for `parts`. */
export const referenceAuthorization = (parts: SigningParts): string => signingSteps(parts).authorization;

/** Hex SHA-256 of a text (UTF-8) or bytes: the payload hash of a body. */
export const payloadSha256 = (body: string | Uint8Array = '') =>
  createHash('sha256').update(body).digest('hex');
