// The collection's pre-request script: signs every request with Volcengine HMAC-SHA256 inside Postman's
// sandbox (CryptoJS, no Node). It is written here as a function so it is type-checked and tested,
// then shipped as its source text, so it must not use anything from outside its own body.

/** The part of Postman's `pm` the script uses. */
export interface PostmanScope {
  variables: { replaceIn(text: string): string };
  request: {
    method: string;
    url: { toString(): string };
    body?: { mode?: string; raw?: string } | null;
    headers: {
      get(name: string): string | undefined;
      upsert(header: { key: string; value: string }): void;
    };
  };
}

interface WordArray {
  toString(encoder?: unknown): string;
}

/** The part of CryptoJS the script uses. */
export interface CryptoJsLike {
  SHA256(message: WordArray | string): WordArray;
  HmacSHA256(message: string, key: WordArray | string): WordArray;
  enc: { Hex: unknown; Utf8: { parse(text: string): WordArray } };
}

/**
 * Signs the request about to be sent: the resolved URL's query (sorted by raw name, then value, and
 * RFC 3986-encoded, as the official SDKs do), the host, X-Date, X-Content-Sha256 of the raw body,
 * Content-Type and the session token when set. Actions in `unsigned` (the spec's `security: []`) are
 * sent as they are. The secret is read from the environment and written nowhere.
 */
export function signRequest(
  pm: PostmanScope,
  CryptoJS: CryptoJsLike,
  unsigned: string[],
  service: string,
): void {
  const resolve = (text: string) => pm.variables.replaceIn(text);
  const url = resolve(pm.request.url.toString());
  const match = /^https?:\/\/([^/?#]+)([^?#]*)(?:\?([^#]*))?/.exec(url);
  if (!match) throw new Error(`Cannot sign "${url}": set the endpoint variable to the service's URL`);
  const host = match[1] as string;
  const path = match[2] || '/';
  const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, '%20'));
  const pairs = (match[3] ?? '')
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [decode(part), ''] : [decode(part.slice(0, at)), decode(part.slice(at + 1))];
    });
  const action = pairs.find((pair) => pair[0] === 'Action')?.[1] ?? '';
  if (unsigned.indexOf(action) >= 0) return;

  const accessKeyId = resolve('{{accessKeyId}}');
  const secretAccessKey = resolve('{{secretAccessKey}}');
  const sessionToken = resolve('{{sessionToken}}');
  const region = resolve('{{region}}');
  if (
    !accessKeyId ||
    !secretAccessKey ||
    accessKeyId.indexOf('{{') === 0 ||
    secretAccessKey.indexOf('{{') === 0
  )
    throw new Error('Set accessKeyId and secretAccessKey in the environment to sign requests');

  const encode = (text: string) =>
    encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const canonicalQuery = pairs
    .slice()
    .sort((a, b) => byText(a[0] as string, b[0] as string) || byText(a[1] as string, b[1] as string))
    .map((pair) => `${encode(pair[0] as string)}=${encode(pair[1] as string)}`)
    .join('&');

  const body = pm.request.body && pm.request.body.mode === 'raw' ? resolve(pm.request.body.raw ?? '') : '';
  const hex = (words: WordArray) => words.toString(CryptoJS.enc.Hex);
  const payloadHash = hex(CryptoJS.SHA256(CryptoJS.enc.Utf8.parse(body)));
  const xDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const headers: Record<string, string> = { host, 'x-date': xDate, 'x-content-sha256': payloadHash };
  const contentType = pm.request.headers.get('Content-Type');
  if (contentType) headers['content-type'] = resolve(contentType);
  if (sessionToken && sessionToken.indexOf('{{') !== 0) headers['x-security-token'] = sessionToken;
  const names = Object.keys(headers).sort(byText);
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    pm.request.method.toUpperCase(),
    path,
    canonicalQuery,
    ...names.map((name) => `${name}:${(headers[name] as string).trim()}`),
    '',
    signedHeaders,
    payloadHash,
  ].join('\n');
  const day = xDate.slice(0, 8);
  const scope = `${day}/${region}/${service}/request`;
  const stringToSign = [
    'HMAC-SHA256',
    xDate,
    scope,
    hex(CryptoJS.SHA256(CryptoJS.enc.Utf8.parse(canonicalRequest))),
  ].join('\n');
  const kDate = CryptoJS.HmacSHA256(day, secretAccessKey);
  const kRegion = CryptoJS.HmacSHA256(region, kDate);
  const kService = CryptoJS.HmacSHA256(service, kRegion);
  const kSigning = CryptoJS.HmacSHA256('request', kService);
  const signature = hex(CryptoJS.HmacSHA256(stringToSign, kSigning));

  pm.request.headers.upsert({ key: 'X-Date', value: xDate });
  pm.request.headers.upsert({ key: 'X-Content-Sha256', value: payloadHash });
  if (headers['x-security-token'])
    pm.request.headers.upsert({ key: 'X-Security-Token', value: sessionToken });
  pm.request.headers.upsert({
    key: 'Authorization',
    value: `HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  });
}

/** The script's source as Postman runs it, for one service's collection. */
export function signScript(service: string, unsigned: string[]): string[] {
  return [
    '// Signs every request with Volcengine HMAC-SHA256 (generated by @volc-openapi/postman; do not edit).',
    `const sign = ${signRequest.toString()};`,
    `sign(pm, typeof CryptoJS !== 'undefined' ? CryptoJS : require('crypto-js'), ${JSON.stringify(unsigned)}, ${JSON.stringify(service)});`,
  ];
}
