import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { node, web } from './helpers/entries.ts';
import { VMS_URL } from './helpers/fixtures.ts';

const SECRET = 'SUPERsecretACCESSkey/value==';
const TOKEN = 'STSsecretSESSIONtoken';
const credentials = { accessKeyId: 'AKLTEXAMPLEKEY', secretAccessKey: SECRET, sessionToken: TOKEN };
const options = { credentials, region: 'cn-beijing', service: 'vms', date: new Date('2025-05-28T03:39:31Z') };
const parts = { method: 'POST', url: VMS_URL, body: '{}' };

type Case = [string, () => Promise<unknown>, string, RegExp];

const stream = () => new ReadableStream({ start: (c) => c.close() });

const cases = (entry: typeof node | typeof web): Case[] => [
  [
    'no credentials',
    () => entry.sign(parts, { ...options, credentials: undefined as never }),
    'InvalidCredentials',
    /accessKeyId/,
  ],
  [
    'empty accessKeyId',
    () => entry.sign(parts, { ...options, credentials: { ...credentials, accessKeyId: '' } }),
    'InvalidCredentials',
    /credentials\.accessKeyId must be non-empty/,
  ],
  [
    'accessKeyId with "/"',
    () => entry.sign(parts, { ...options, credentials: { ...credentials, accessKeyId: 'AK/1' } }),
    'InvalidCredentials',
    /"\/"/,
  ],
  [
    'empty secret',
    () => entry.sign(parts, { ...options, credentials: { ...credentials, secretAccessKey: '' } }),
    'InvalidCredentials',
    /secretAccessKey/,
  ],
  [
    'secret not a string',
    () => entry.sign(parts, { ...options, credentials: { ...credentials, secretAccessKey: 42 as never } }),
    'InvalidCredentials',
    /secretAccessKey/,
  ],
  [
    'token with a newline',
    () => entry.sign(parts, { ...options, credentials: { ...credentials, sessionToken: `${TOKEN}\n` } }),
    'InvalidCredentials',
    /sessionToken must be visible ASCII/,
  ],
  [
    'region with a space',
    () => entry.sign(parts, { ...options, region: 'cn beijing' }),
    'InvalidScope',
    /^region "cn beijing" contains a character outside \[A-Za-z0-9_-\]$/,
  ],
  [
    'empty service',
    () => entry.sign(parts, { ...options, service: '' }),
    'InvalidScope',
    /^service is missing or empty$/,
  ],
  [
    'service with "/"',
    () => entry.sign(parts, { ...options, service: 'vms/request' }),
    'InvalidScope',
    /service "vms\/request"/,
  ],
  [
    'region too long',
    () => entry.sign(parts, { ...options, region: 'r'.repeat(65) }),
    'InvalidScope',
    /longer than 64/,
  ],
  [
    'relative URL',
    () => entry.sign({ ...parts, url: '/?Action=X' }, options),
    'InvalidUrl',
    /url "\/\?Action=X" is not an absolute http: or https: URL/,
  ],
  [
    'ftp URL',
    () => entry.sign({ ...parts, url: 'ftp://example.com/' }, options),
    'InvalidUrl',
    /ftp:\/\/example\.com/,
  ],
  [
    'method with a space',
    () => entry.sign({ ...parts, method: 'GE T' }, options),
    'InvalidMethod',
    /method "GE T"/,
  ],
  [
    'stream body',
    () => entry.sign({ ...parts, body: stream() as never }, options),
    'UnhashableBody',
    /^cannot hash a body of type ReadableStream; pass a string or bytes, or bodySha256$/,
  ],
  [
    'object body',
    () => entry.sign({ ...parts, body: { a: 1 } as never }, options),
    'UnhashableBody',
    /body of type Object/,
  ],
  [
    'bad bodySha256',
    () => entry.sign({ ...parts, bodySha256: 'abc' }, options),
    'InvalidBodyHash',
    /64 hexadecimal/,
  ],
  [
    'invalid date',
    () => entry.sign(parts, { ...options, date: new Date(Number.NaN) }),
    'InvalidDate',
    /valid Date/,
  ],
  [
    'year 10000',
    () => entry.sign(parts, { ...options, date: new Date('+010000-01-01T00:00:00Z') }),
    'InvalidDate',
    /0000 to 9999/,
  ],
  [
    'sign Authorization',
    () => entry.sign(parts, { ...options, signHeaders: ['Authorization'] }),
    'InvalidHeader',
    /"Authorization"/,
  ],
  [
    'bad header name',
    () => entry.sign(parts, { ...options, signHeaders: ['x bad'] }),
    'InvalidHeader',
    /"x bad"/,
  ],
  [
    'newline in a signed value',
    () =>
      entry.sign(
        { ...parts, headers: { 'X-Trace': `${TOKEN}\r\nX: y` } },
        { ...options, signHeaders: ['x-trace'] },
      ),
    'InvalidHeader',
    /^signed header "x-trace" has a control or non-ASCII character$/,
  ],
  [
    'non-ASCII content-type',
    () => entry.sign({ ...parts, headers: { 'Content-Type': 'text/plain; charset=ütf-8' } }, options),
    'InvalidHeader',
    /"content-type"/,
  ],
  [
    'expires 0',
    () => entry.presignUrl(parts, { ...options, expiresInSeconds: 0 }),
    'InvalidExpires',
    /got 0/,
  ],
  [
    'expires 1.5',
    () => entry.presignUrl(parts, { ...options, expiresInSeconds: 1.5 }),
    'InvalidExpires',
    /got 1\.5/,
  ],
  [
    'expires > 7 days',
    () => entry.presignUrl(parts, { ...options, expiresInSeconds: 604801 }),
    'InvalidExpires',
    /604800/,
  ],
  [
    'presign relative URL',
    () => entry.presignUrl({ ...parts, url: 'cloud-vms.volcengineapi.com' }, options),
    'InvalidUrl',
    /absolute/,
  ],
  [
    'signRequest bad scope',
    () => entry.signRequest(new Request(VMS_URL), { ...options, service: 'v m s' }),
    'InvalidScope',
    /service "v m s"/,
  ],
];

describe.each([
  ['node', node],
  ['web', web],
] as const)('bad input (%s entry)', (_, entry) => {
  it.each(cases(entry))('%s → %s', async (_, run, code, message) => {
    let error: unknown;
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = run();
    }).not.toThrow();
    try {
      await promise;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(entry.SignerError);
    const e = error as InstanceType<typeof node.SignerError>;
    expect(e.name).toBe('SignerError');
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    for (const shown of [
      e.message,
      String(e),
      e.stack ?? '',
      inspect(e, { depth: null, showHidden: true }),
      JSON.stringify(e),
    ]) {
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain(TOKEN);
    }
  });

  it('a stream body is fine with bodySha256', async () => {
    const headers = await entry.sign(
      { ...parts, body: stream() as never, bodySha256: 'A'.repeat(64) },
      options,
    );
    expect(headers['X-Content-Sha256']).toBe('a'.repeat(64));
  });

  it('createSigningMiddleware rejects a bad scope or static credentials at once', () => {
    expect(() => entry.createSigningMiddleware({ ...options, region: 'cn beijing' })).toThrow(
      /region "cn beijing"/,
    );
    expect(() =>
      entry.createSigningMiddleware({ ...options, credentials: { ...credentials, secretAccessKey: '' } }),
    ).toThrow(entry.SignerError);
    expect(() => entry.createSigningMiddleware({ ...options, signHeaders: ['authorization'] })).toThrow(
      /Authorization|authorization/,
    );
  });
});

describe('no secret leaks through objects the package creates', () => {
  const shows = (value: unknown) => [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: null, showHidden: true, getters: true }),
  ];

  it.each([
    ['node', node],
    ['web', web],
  ] as const)('%s entry', async (_, entry) => {
    const middleware = entry.createSigningMiddleware(options);
    const rotating = entry.createSigningMiddleware({ ...options, credentials: () => credentials });
    const headers = await entry.sign(parts, options);
    const signed = await entry.signRequest(new Request(VMS_URL, { method: 'POST', body: '{}' }), options);
    const verified = await entry.verifyRequest(signed, { resolveSecret: () => SECRET, now: options.date });
    const failed = await entry.verifyRequest(signed, { resolveSecret: () => 'wrong', now: options.date });
    const signer =
      entry === node ? node.createSigner(node.nodeCryptoProvider) : web.createSigner(web.webCryptoProvider);
    const presigned = await entry.presignUrl(parts, options);
    expect(verified.ok).toBe(true);
    expect(failed.ok).toBe(false);
    for (const object of [
      middleware,
      rotating,
      headers,
      signed,
      signed.headers,
      verified,
      failed,
      signer,
      presigned,
    ]) {
      for (const shown of shows(object)) expect(shown).not.toContain(SECRET);
    }
    // The session token is a header value to send (X-Security-Token); it appears nowhere else.
    for (const object of [middleware, rotating, verified, failed, signer]) {
      for (const shown of shows(object)) expect(shown).not.toContain(TOKEN);
    }
    expect(headers['X-Security-Token']).toBe(TOKEN);
  });
});
