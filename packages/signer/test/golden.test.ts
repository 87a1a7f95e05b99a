import { createHash, createHmac } from 'node:crypto';
import { officialAuthorization } from '@volc-openapi/signing-reference/official';
import { describe, expect, it } from 'vitest';
import { node, web } from './helpers/entries.ts';
import { bodyBytes, bodyOf, vectors } from './helpers/fixtures.ts';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe.each(vectors)('golden vector $name', (vector) => {
  const options = {
    credentials: vector.credentials,
    region: vector.region,
    service: vector.service,
    date: new Date(vector.date),
    signHeaders: vector.signHeaders,
  };
  const parts = {
    method: vector.request.method,
    url: vector.request.url,
    headers: vector.request.headers,
    body: bodyOf(vector),
  };

  it('is self-consistent (string to sign and signature recomputed with node:crypto)', () => {
    const xDate = vector.stringToSign.split('\n')[1] as string;
    const scope = vector.stringToSign.split('\n')[2] as string;
    expect(vector.stringToSign).toBe(`HMAC-SHA256\n${xDate}\n${scope}\n${sha256(vector.canonicalRequest)}`);
    let key: Buffer | string = vector.credentials.secretAccessKey;
    for (const part of [xDate.slice(0, 8), vector.region, vector.service, 'request']) {
      key = createHmac('sha256', key).update(part).digest();
    }
    const signature = createHmac('sha256', key).update(vector.stringToSign).digest('hex');
    const expected = vector.expected.Authorization ?? vector.expected.url;
    expect(expected).toContain(signature);
    expect(vector.canonicalRequest.endsWith(sha256(bodyBytes(vector.request.body)))).toBe(true);
  });

  if (vector.kind === 'presign') {
    it.each([
      ['node', node],
      ['web', web],
    ] as const)('presignUrl (%s entry) gives the expected URL, which verifies', async (_, entry) => {
      const url = await entry.presignUrl(parts, { ...options, expiresInSeconds: vector.expiresInSeconds });
      expect(url).toBe(vector.expected.url);
      const result = await entry.verifyRequest(new Request(url), {
        resolveSecret: () => vector.credentials.secretAccessKey,
        now: options.date,
      });
      expect(result).toMatchObject({ ok: true, accessKeyId: vector.credentials.accessKeyId });
    });

    it('createPresignUrl and createVerifyRequest bind the same functions to a given provider', async () => {
      const presign = node.createPresignUrl(web.webCryptoProvider);
      const url = await presign(parts, { ...options, expiresInSeconds: vector.expiresInSeconds });
      expect(url).toBe(vector.expected.url);
      const verify = web.createVerifyRequest(node.nodeCryptoProvider);
      const result = await verify(new Request(url), {
        resolveSecret: () => vector.credentials.secretAccessKey,
        now: options.date,
      });
      expect(result.ok).toBe(true);
    });
    return;
  }

  it.each([
    ['node', node],
    ['web', web],
  ] as const)('sign (%s entry) returns the expected headers', async (_, entry) => {
    expect(await entry.sign(parts, options)).toEqual(vector.expected);
  });

  it('createSigner binds sign to a given provider', async () => {
    expect(await node.createSigner(web.webCryptoProvider).sign(parts, options)).toEqual(vector.expected);
  });

  it('sign with a precomputed bodySha256 gives the same headers', async () => {
    const bodySha256 = sha256(bodyBytes(vector.request.body));
    expect(await node.sign({ ...parts, body: undefined, bodySha256 }, options)).toEqual(vector.expected);
  });

  it('signRequest adds the expected headers and the result verifies', async () => {
    const body = vector.request.body ? bodyBytes(vector.request.body) : undefined;
    const request = new Request(vector.request.url, {
      method: vector.request.method,
      headers: parts.headers,
      body,
    });
    const signed = await node.signRequest(request, options);
    for (const [name, value] of Object.entries(vector.expected)) expect(signed.headers.get(name)).toBe(value);
    expect(request.bodyUsed).toBe(false);
    expect(Buffer.from(await signed.arrayBuffer()).equals(Buffer.from(body ?? new Uint8Array()))).toBe(true);
    const verified = await node.verifyRequest(await node.signRequest(request, options), {
      resolveSecret: () => vector.credentials.secretAccessKey,
      now: options.date,
    });
    expect(verified).toMatchObject({ ok: true, region: vector.region, service: vector.service });
  });

  if (!vector.official) return;
  it('matches the official @volcengine/openapi Signer on the same header set', () => {
    const extra: Record<string, string> = {};
    const wanted = (vector.signHeaders ?? []).map((name) => name.toLowerCase());
    for (const [name, value] of Object.entries(vector.request.headers ?? {})) {
      if (wanted.includes(name.toLowerCase())) extra[name] = value;
    }
    const authorization = officialAuthorization({
      method: vector.request.method,
      url: vector.request.url,
      headers: extra,
      payloadHash: vector.expected['X-Content-Sha256'] as string,
      credentials: vector.credentials,
      region: vector.region,
      service: vector.service,
      date: options.date,
    });
    expect(authorization).toBe(vector.expected.Authorization);
  });
});

it('has vectors for every documented case', () => {
  expect(vectors.map((v) => v.name)).toEqual(
    expect.arrayContaining([
      'post-json',
      'get-query',
      'query-unicode-reserved',
      'query-repeated-empty',
      'headers-case-whitespace',
      'session-token',
      'empty-body-post',
      'body-1mib',
      'body-binary',
      'presign-get',
    ]),
  );
  expect(vectors.filter((v) => v.official).length).toBeGreaterThanOrEqual(8);
});
