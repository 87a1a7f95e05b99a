// An independent Volcengine HMAC-SHA256 signature over a request's parts, written from the published
// algorithm with node:crypto only, so contract tests do not judge the signer by itself.
import { createHash, createHmac } from 'node:crypto';

export interface SignedParts {
  method: string;
  url: URL;
  /** Lowercase header names to sign, with their values (host is added from the URL). */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body bytes. */
  payloadSha256: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  xDate: string;
}

const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** RFC 3986 percent-encoding: only `A-Z a-z 0-9 - _ . ~` stay as they are. */
const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams].map(([name, value]) => [encode(name), encode(value)] as const);
  pairs.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** The Authorization header value for `parts`. */
export function referenceAuthorization(parts: SignedParts): string {
  const headers: Record<string, string> = { ...parts.headers, host: parts.url.host };
  const names = Object.keys(headers).sort();
  const canonical = [
    parts.method.toUpperCase(),
    parts.url.pathname || '/',
    canonicalQuery(parts.url),
    ...names.map((name) => `${name}:${(headers[name] ?? '').trim()}`),
    '',
    names.join(';'),
    parts.payloadSha256,
  ].join('\n');
  const date = parts.xDate.slice(0, 8);
  const scope = `${date}/${parts.region}/${parts.service}/request`;
  const stringToSign = [
    'HMAC-SHA256',
    parts.xDate,
    scope,
    createHash('sha256').update(canonical, 'utf8').digest('hex'),
  ].join('\n');
  let key = hmac(parts.secretAccessKey, date);
  for (const step of [parts.region, parts.service, 'request']) key = hmac(key, step);
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return `HMAC-SHA256 Credential=${parts.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
}
