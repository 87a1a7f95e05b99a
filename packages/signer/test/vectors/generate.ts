/**
 * Writes the golden vectors in this folder: `node test/vectors/generate.ts` (from packages/signer).
 *
 * Independent of the code under test: every canonical request below is written out by hand from the
 * algorithm description, and the string to sign, signing key and signature are computed here with
 * node:crypto directly. Nothing is imported from src/. The tests then require the package to reproduce
 * each expected header, and cross-check the vectors marked `official` against @volcengine/openapi.
 */
import { createHash, createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { bodyBytes, type Vector } from './vector.ts';

const ACCESS_KEY_ID = 'AKLTEXAMPLEKEY';
const SECRET = 'exampleSecretKey==';
const REGION = 'cn-beijing';
const SERVICE = 'vms';
const DATE = '2025-05-28T03:39:31Z';
const X_DATE = '20250528T033931Z';
const SCOPE = `20250528/${REGION}/${SERVICE}/request`;
const HOST = 'cloud-vms.volcengineapi.com';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

interface Case {
  name: string;
  description: string;
  kind?: 'headers' | 'presign';
  sessionToken?: string;
  request: Vector['request'];
  signHeaders?: string[];
  expiresInSeconds?: number;
  official: boolean;
  /** Hand-written canonical request; {P} stands for the body hash. */
  canonical: string[];
}

const TOKEN = 'STSexampleSessionToken/with+and=chars';

/**
 * The end of a canonical request that signs only what every request carries (host, X-Content-Sha256,
 * X-Date): headers, blank line, signed header names, payload hash. Spelled out once, by hand.
 */
const signedByDefault = (host = HOST) => [
  `host:${host}`,
  'x-content-sha256:{P}',
  `x-date:${X_DATE}`,
  '',
  'host;x-content-sha256;x-date',
  '{P}',
];

const cases: Case[] = [
  {
    name: 'post-json',
    description: 'VMS OpenDeleteResource as documented: JSON POST; a present Content-Type is signed',
    request: {
      method: 'POST',
      url: `https://${HOST}/?Action=OpenDeleteResource&Version=2022-01-01`,
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
      body: { utf8: '{"ResourceKey":"abcdef"}' },
    },
    official: false,
    canonical: [
      'POST',
      '/',
      'Action=OpenDeleteResource&Version=2022-01-01',
      'content-type:application/json; charset=UTF-8',
      `host:${HOST}`,
      'x-content-sha256:{P}',
      `x-date:${X_DATE}`,
      '',
      'content-type;host;x-content-sha256;x-date',
      '{P}',
    ],
  },
  {
    name: 'post-json-no-content-type',
    description: 'The same call without a Content-Type header (the set the official Node SDK signs)',
    request: {
      method: 'POST',
      url: `https://${HOST}/?Action=OpenDeleteResource&Version=2022-01-01`,
      body: { utf8: '{"ResourceKey":"abcdef"}' },
    },
    official: true,
    canonical: ['POST', '/', 'Action=OpenDeleteResource&Version=2022-01-01', ...signedByDefault()],
  },
  {
    name: 'get-query',
    description: 'GET with Action/Version and a parameter; no body, so the empty-string hash',
    request: {
      method: 'GET',
      url: `https://${HOST}/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1`,
    },
    official: true,
    canonical: ['GET', '/', 'Action=QueryUsableResourceV2&Type=1&Version=2022-01-01', ...signedByDefault()],
  },
  {
    name: 'query-unicode-reserved',
    description:
      "Unicode, reserved characters, '+' and %20 spaces, * ! ' ( ), ~, lowercase percent escapes, %",
    request: {
      method: 'GET',
      url:
        `https://${HOST}/?Action=Test&Version=2022-01-01&Text=%E4%BD%A0%E5%A5%BD+%E4%B8%96%E7%95%8C` +
        "&Sym=!'()*&Reserved=%3A%2F%3F%23%5B%5D%40%24%26%2B%2C%3B%3D&Tilde=a~b_c-d.e&Emoji=%F0%9F%98%80" +
        '&Lower=%c3%a9&Percent=100%25&Space=a%20b',
    },
    official: true,
    canonical: [
      'GET',
      '/',
      'Action=Test&Emoji=%F0%9F%98%80&Lower=%C3%A9&Percent=100%25' +
        '&Reserved=%3A%2F%3F%23%5B%5D%40%24%26%2B%2C%3B%3D&Space=a%20b&Sym=%21%27%28%29%2A' +
        '&Text=%E4%BD%A0%E5%A5%BD%20%E4%B8%96%E7%95%8C&Tilde=a~b_c-d.e&Version=2022-01-01',
      ...signedByDefault(),
    ],
  },
  {
    name: 'query-name-order',
    description:
      'Names sorted before they are encoded (as the official SDKs do): non-ASCII and reserved characters in names',
    request: {
      method: 'GET',
      url: `https://${HOST}/?Action=Test&Version=2022-01-01&%C3%A9=1&z=2&~=3&a%3A=4&a0=5&a=6&%E4%B8%AD=7`,
    },
    official: true,
    canonical: [
      'GET',
      '/',
      'Action=Test&Version=2022-01-01&a=6&a0=5&a%3A=4&z=2&~=3&%C3%A9=1&%E4%B8%AD=7',
      ...signedByDefault(),
    ],
  },
  {
    name: 'query-repeated-empty',
    description: 'Repeated keys sorted by encoded value, empty values and a bare name as `name=`',
    request: {
      method: 'GET',
      url: `https://${HOST}/?Action=Test&Version=2022-01-01&Id=b&Id=a&Id=%20&Id=B&Empty=&Flag&Id=~`,
    },
    official: true,
    canonical: [
      'GET',
      '/',
      'Action=Test&Empty=&Flag=&Id=%20&Id=B&Id=a&Id=b&Id=~&Version=2022-01-01',
      ...signedByDefault(),
    ],
  },
  {
    name: 'headers-case-whitespace',
    description: 'Extra signed headers in mixed case; values trimmed, inner space/tab runs collapsed',
    request: {
      method: 'POST',
      url: `https://${HOST}/?Action=Test&Version=2022-01-01`,
      headers: { 'X-Custom-Header': '  a   b\t\tc  ', 'x-REQUEST-id': 'ID-1', 'X-Unsigned': 'not signed' },
      body: { utf8: 'a=1&b=2' },
    },
    signHeaders: ['X-Custom-Header', 'X-Request-Id'],
    official: true,
    canonical: [
      'POST',
      '/',
      'Action=Test&Version=2022-01-01',
      `host:${HOST}`,
      'x-content-sha256:{P}',
      'x-custom-header:a b c',
      `x-date:${X_DATE}`,
      'x-request-id:ID-1',
      '',
      'host;x-content-sha256;x-custom-header;x-date;x-request-id',
      '{P}',
    ],
  },
  {
    name: 'session-token',
    description: 'Temporary credentials: X-Security-Token is sent and signed',
    sessionToken: TOKEN,
    request: { method: 'GET', url: `https://${HOST}/?Action=QueryUsableResourceV2&Version=2022-01-01` },
    official: true,
    canonical: [
      'GET',
      '/',
      'Action=QueryUsableResourceV2&Version=2022-01-01',
      `host:${HOST}`,
      'x-content-sha256:{P}',
      `x-date:${X_DATE}`,
      `x-security-token:${TOKEN}`,
      '',
      'host;x-content-sha256;x-date;x-security-token',
      '{P}',
    ],
  },
  {
    name: 'empty-body-post',
    description: 'POST with an empty body: hash of the empty string, still sent as X-Content-Sha256',
    request: {
      method: 'POST',
      url: `https://${HOST}/?Action=PauseTask&Version=2022-01-01`,
      body: { utf8: '' },
    },
    official: true,
    canonical: ['POST', '/', 'Action=PauseTask&Version=2022-01-01', ...signedByDefault()],
  },
  {
    name: 'body-1mib',
    description: '1 MiB binary body (byte i = i mod 251)',
    request: {
      method: 'POST',
      url: `https://${HOST}/?Action=CommitResourceUpload&Version=2022-01-01`,
      body: { pattern: 1024 * 1024 },
    },
    official: true,
    canonical: ['POST', '/', 'Action=CommitResourceUpload&Version=2022-01-01', ...signedByDefault()],
  },
  {
    name: 'body-binary',
    description: 'All 256 byte values as the body, with an octet-stream Content-Type (signed)',
    request: {
      method: 'POST',
      url: `https://${HOST}/?Action=Upload&Version=2022-01-01`,
      headers: { 'content-type': 'application/octet-stream' },
      body: { base64: Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => i)).toString('base64') },
    },
    official: false,
    canonical: [
      'POST',
      '/',
      'Action=Upload&Version=2022-01-01',
      'content-type:application/octet-stream',
      `host:${HOST}`,
      'x-content-sha256:{P}',
      `x-date:${X_DATE}`,
      '',
      'content-type;host;x-content-sha256;x-date',
      '{P}',
    ],
  },
  {
    name: 'path-port-method',
    description: 'Lowercase method, a non-default port kept in host, an already-encoded path used verbatim',
    request: {
      method: 'put',
      url: 'https://api.example.com:8443/a%20b/c~d/%E4%B8%AD?x=1',
      body: { utf8: 'x' },
    },
    official: true,
    canonical: ['PUT', '/a%20b/c~d/%E4%B8%AD', 'x=1', ...signedByDefault('api.example.com:8443')],
  },
  {
    name: 'port-443-on-http',
    description: 'http URL with :443: the port is dropped from host, as volc-sdk-golang does',
    request: { method: 'GET', url: `http://${HOST}:443/?Action=Test&Version=2022-01-01` },
    official: true,
    canonical: ['GET', '/', 'Action=Test&Version=2022-01-01', ...signedByDefault()],
  },
  {
    name: 'presign-get',
    description: 'Presigned GET URL, 900 s, signed headers host',
    kind: 'presign',
    request: { method: 'GET', url: `https://${HOST}/?Action=QueryUsableResourceV2&Version=2022-01-01` },
    expiresInSeconds: 900,
    official: false,
    canonical: [
      'GET',
      '/',
      'Action=QueryUsableResourceV2&Version=2022-01-01&X-Algorithm=HMAC-SHA256' +
        `&X-Credential=${ACCESS_KEY_ID}%2F20250528%2Fcn-beijing%2Fvms%2Frequest&X-Date=${X_DATE}` +
        '&X-Expires=900&X-SignedHeaders=host',
      `host:${HOST}`,
      '',
      'host',
      '{P}',
    ],
  },
  {
    name: 'presign-token',
    description: 'Presigned URL with a session token (X-Security-Token in the query) and a 60 s lifetime',
    kind: 'presign',
    sessionToken: TOKEN,
    request: { method: 'GET', url: `https://${HOST}/?Version=2022-01-01&Action=QueryUsableResourceV2` },
    expiresInSeconds: 60,
    official: false,
    canonical: [
      'GET',
      '/',
      'Action=QueryUsableResourceV2&Version=2022-01-01&X-Algorithm=HMAC-SHA256' +
        `&X-Credential=${ACCESS_KEY_ID}%2F20250528%2Fcn-beijing%2Fvms%2Frequest&X-Date=${X_DATE}` +
        '&X-Expires=60&X-Security-Token=STSexampleSessionToken%2Fwith%2Band%3Dchars&X-SignedHeaders=host',
      `host:${HOST}`,
      '',
      'host',
      '{P}',
    ],
  },
];

const signingKey = hmac(hmac(hmac(hmac(SECRET, X_DATE.slice(0, 8)), REGION), SERVICE), 'request');

for (const c of cases) {
  const kind = c.kind ?? 'headers';
  const payload = sha256(bodyBytes(c.request.body));
  const canonicalRequest = c.canonical.join('\n').replaceAll('{P}', payload);
  const stringToSign = ['HMAC-SHA256', X_DATE, SCOPE, sha256(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  const signedHeaders = c.canonical[c.canonical.length - 2] as string;
  let expected: Record<string, string>;
  if (kind === 'presign') {
    const url = new URL(c.request.url);
    const query = c.canonical[2] as string;
    expected = { url: `${url.origin}${url.pathname}?${query}&X-Signature=${signature}` };
  } else {
    expected = { 'X-Date': X_DATE, 'X-Content-Sha256': payload };
    if (c.sessionToken) expected['X-Security-Token'] = c.sessionToken;
    expected.Authorization = `HMAC-SHA256 Credential=${ACCESS_KEY_ID}/${SCOPE}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  }
  const vector: Vector = {
    name: c.name,
    description: c.description,
    kind,
    credentials: {
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: SECRET,
      ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
    },
    region: REGION,
    service: SERVICE,
    date: DATE,
    request: c.request,
    ...(c.signHeaders ? { signHeaders: c.signHeaders } : {}),
    ...(c.expiresInSeconds ? { expiresInSeconds: c.expiresInSeconds } : {}),
    official: c.official,
    canonicalRequest,
    stringToSign,
    expected,
  };
  writeFileSync(new URL(`./${c.name}.json`, import.meta.url), `${JSON.stringify(vector, null, 2)}\n`);
}
console.log(`wrote ${cases.length} vectors`);
