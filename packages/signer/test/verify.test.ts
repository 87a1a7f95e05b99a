import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sign, signRequest } from '../src/node.ts';
import { presignUrl } from '../src/presign-node.ts';
import { type VerifyOptions, verify as verifyReceived, verifyRequest } from '../src/verify-node.ts';
import { CREDENTIALS, DATE, OPTIONS, resolveSecret, VMS_URL } from './helpers/fixtures.ts';

const BODY = '{"ResourceKey":"abcdef"}';
const at = (offsetSeconds: number) => new Date(DATE.getTime() + offsetSeconds * 1000);
const verify = (request: Request, extra: Partial<VerifyOptions> = {}) =>
  verifyRequest(request, { resolveSecret, now: DATE, ...extra });

const signed = async (init: { headers?: Record<string, string>; body?: string; url?: string } = {}) => {
  const headers = { 'Content-Type': 'application/json; charset=UTF-8', ...init.headers };
  const added = await sign({ method: 'POST', url: init.url ?? VMS_URL, headers, body: BODY }, OPTIONS);
  const all: Record<string, string> = { ...headers, ...added };
  return { headers: all, added };
};

const request = (headers: Record<string, string>, body: string = BODY, url = VMS_URL) =>
  new Request(url, { method: 'POST', headers, body });

describe('verifyRequest', () => {
  it('accepts a signed request and reports who signed what', async () => {
    const { headers } = await signed();
    expect(await verify(request(headers), { region: 'cn-beijing', service: 'vms' })).toEqual({
      ok: true,
      accessKeyId: CREDENTIALS.accessKeyId,
      region: 'cn-beijing',
      service: 'vms',
      signedHeaders: ['content-type', 'host', 'x-content-sha256', 'x-date'],
    });
  });

  it('does not consume the body of the request it checks', async () => {
    const { headers } = await signed();
    const req = request(headers);
    await verify(req);
    expect(req.bodyUsed).toBe(false);
    expect(await req.text()).toBe(BODY);
  });

  it('uses the Host header when a server-side Request carries one', async () => {
    const { headers } = await signed();
    const proxied = new Request('http://127.0.0.1:8080/?Action=OpenDeleteResource&Version=2022-01-01', {
      method: 'POST',
      headers: { ...headers, host: 'cloud-vms.volcengineapi.com:443' },
      body: BODY,
    });
    expect(await verify(proxied)).toMatchObject({ ok: true });
  });

  it('accepts a request from the official Node SDK shape (no host, no x-content-sha256 signed)', async () => {
    const { OfficialSigner } = await import('@volc-openapi/signing-reference/official');
    const official = new OfficialSigner(
      {
        region: 'cn-beijing',
        method: 'GET',
        pathname: '/',
        params: { Action: 'QueryUsableResourceV2', Version: '2022-01-01' },
        headers: {},
      },
      'vms',
    );
    official.addAuthorization(
      { accessKeyId: CREDENTIALS.accessKeyId, secretKey: CREDENTIALS.secretAccessKey },
      DATE,
    );
    const req = new Request(
      'https://cloud-vms.volcengineapi.com/?Action=QueryUsableResourceV2&Version=2022-01-01',
      {
        headers: official.request.headers,
      },
    );
    expect(await verify(req)).toMatchObject({ ok: true, signedHeaders: ['x-date'] });
  });

  const reasons: [string, () => Promise<Request>, Partial<VerifyOptions>, string, RegExp][] = [
    ['missing-authorization', async () => request({}), {}, 'missing-authorization', /Authorization/],
    [
      'malformed Authorization',
      async () => request({ Authorization: 'Bearer abc', 'X-Date': '20250528T033931Z' }),
      {},
      'malformed-authorization',
      /Authorization is not/,
    ],
    [
      'malformed Credential',
      async () => {
        const { headers } = await signed();
        return request({
          ...headers,
          Authorization: headers.Authorization?.replace('/request,', '/req,') ?? '',
        });
      },
      {},
      'malformed-authorization',
      /Credential/,
    ],
    [
      'short Signature',
      async () => {
        const { headers } = await signed();
        return request({ ...headers, Authorization: headers.Authorization?.slice(0, -2) ?? '' });
      },
      {},
      'malformed-authorization',
      /Signature/,
    ],
    [
      'unparseable X-Date',
      async () => {
        const { headers } = await signed();
        return request({ ...headers, 'X-Date': '2025-05-28T03:39:31Z' });
      },
      {},
      'malformed-authorization',
      /X-Date/,
    ],
    [
      'missing X-Date',
      async () => {
        const { headers } = await signed();
        const { 'X-Date': _, ...rest } = headers;
        return request(rest);
      },
      {},
      'missing-header',
      /X-Date/,
    ],
    [
      'missing signed header',
      async () => {
        const headers = { 'X-Trace': 'abc' };
        const added = await sign(
          { method: 'POST', url: VMS_URL, headers, body: BODY },
          { ...OPTIONS, signHeaders: ['x-trace'] },
        );
        expect(added.Authorization).toContain('SignedHeaders=host;x-content-sha256;x-date;x-trace,');
        return request(added);
      },
      {},
      'missing-header',
      /x-trace/,
    ],
    [
      'unknown access key',
      async () => request((await signed()).headers),
      { resolveSecret: () => undefined },
      'unknown-access-key',
      /AKLTEXAMPLEKEY/,
    ],
    ['expired', async () => request((await signed()).headers), { now: at(901) }, 'expired', /900 s old/],
    ['future date', async () => request((await signed()).headers), { now: at(-901) }, 'future-date', /ahead/],
    [
      'custom skew',
      async () => request((await signed()).headers),
      { now: at(61), maxSkewSeconds: 60 },
      'expired',
      /60 s/,
    ],
    [
      'body hash mismatch',
      async () => request((await signed()).headers, '{"ResourceKey":"abcdeg"}'),
      {},
      'body-hash-mismatch',
      /X-Content-Sha256/,
    ],
    [
      'scope region',
      async () => request((await signed()).headers),
      { region: 'cn-north-1' },
      'scope-mismatch',
      /region "cn-beijing" is not the expected "cn-north-1"/,
    ],
    [
      'scope service',
      async () => request((await signed()).headers),
      { service: 'iam' },
      'scope-mismatch',
      /service "vms"/,
    ],
    [
      'scope date differs from X-Date',
      async () => {
        const { headers } = await signed();
        return request({ ...headers, 'X-Date': '20250527T233931Z' });
      },
      { maxSkewSeconds: 86400 },
      'scope-mismatch',
      /20250528/,
    ],
    [
      'signature mismatch (wrong secret)',
      async () => request((await signed()).headers),
      { resolveSecret: () => 'another secret' },
      'signature-mismatch',
      /SignedHeaders=content-type;host;x-content-sha256;x-date/,
    ],
    [
      'signature mismatch (signed header changed)',
      async () =>
        request({ ...(await signed()).headers, 'Content-Type': 'application/x-www-form-urlencoded' }),
      {},
      'signature-mismatch',
      /signature/,
    ],
  ];

  it.each(reasons)('%s → %s', async (_, make, extra, reason, message) => {
    const result = await verify(await make(), extra);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok === false && result.message).toMatch(message);
    expect(JSON.stringify(result)).not.toContain(CREDENTIALS.secretAccessKey);
  });

  it('covers every failure reason', () => {
    expect(new Set(reasons.map((r) => r[3]))).toEqual(
      new Set([
        'missing-authorization',
        'malformed-authorization',
        'missing-header',
        'unknown-access-key',
        'expired',
        'future-date',
        'body-hash-mismatch',
        'scope-mismatch',
        'signature-mismatch',
      ]),
    );
  });

  it('awaits an async resolveSecret', async () => {
    const { headers } = await signed();
    expect(
      await verify(request(headers), { resolveSecret: async () => CREDENTIALS.secretAccessKey }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('presignUrl', () => {
  const url = 'https://cloud-vms.volcengineapi.com/?Action=QueryUsableResourceV2&Version=2022-01-01';

  it('round-trips through verifyRequest and expires after X-Expires', async () => {
    const presigned = await presignUrl({ method: 'GET', url }, { ...OPTIONS, expiresInSeconds: 60 });
    const params = new URL(presigned).searchParams;
    expect(params.get('X-Algorithm')).toBe('HMAC-SHA256');
    expect(params.get('X-Credential')).toBe('AKLTEXAMPLEKEY/20250528/cn-beijing/vms/request');
    expect(params.get('X-Date')).toBe('20250528T033931Z');
    expect(params.get('X-Expires')).toBe('60');
    expect(params.get('X-SignedHeaders')).toBe('host');
    expect(params.get('X-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(await verify(new Request(presigned), { now: at(60) })).toMatchObject({
      ok: true,
      signedHeaders: ['host'],
    });
    expect(await verify(new Request(presigned), { now: at(61) })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    expect(await verify(new Request(presigned), { now: at(-901) })).toMatchObject({
      ok: false,
      reason: 'future-date',
    });
  });

  it('defaults to 900 s, carries a session token, and can sign extra headers and a body hash', async () => {
    const token = 'STS.token-value';
    const bodySha256 = (await sign({ method: 'POST', url, body: BODY }, OPTIONS))['X-Content-Sha256'];
    const presigned = await presignUrl(
      { method: 'POST', url, headers: { 'Content-Type': 'application/json' }, bodySha256 },
      { ...OPTIONS, credentials: { ...CREDENTIALS, sessionToken: token }, signHeaders: ['Content-Type'] },
    );
    const params = new URL(presigned).searchParams;
    expect(params.get('X-Expires')).toBe('900');
    expect(params.get('X-Security-Token')).toBe(token);
    expect(params.get('X-SignedHeaders')).toBe('content-type;host');
    const good = new Request(presigned, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: BODY,
    });
    expect(await verify(good)).toMatchObject({ ok: true });
    const otherBody = new Request(presigned, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await verify(otherBody)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
  });

  it('replaces signature parameters already present in the URL', async () => {
    const first = await presignUrl({ method: 'GET', url }, OPTIONS);
    const again = await presignUrl({ method: 'GET', url: first }, { ...OPTIONS, date: at(5) });
    expect(new URL(again).searchParams.getAll('X-Signature')).toHaveLength(1);
    expect(await verify(new Request(again), { now: at(5) })).toMatchObject({ ok: true });
  });

  it('reports malformed presigned parameters', async () => {
    const presigned = new URL(await presignUrl({ method: 'GET', url }, OPTIONS));
    for (const [name, value, message] of [
      ['X-Algorithm', 'HMAC-SHA1', /X-Algorithm/],
      ['X-Expires', '-1', /X-Expires/],
      ['X-Credential', null, /X-Credential query parameter is missing/],
    ] as const) {
      const broken = new URL(presigned);
      if (value === null) broken.searchParams.delete(name);
      else broken.searchParams.set(name, value);
      const result = await verify(new Request(broken));
      expect(result).toMatchObject({ ok: false, reason: 'malformed-authorization' });
      expect(result.ok === false && result.message).toMatch(message);
    }
  });
});

describe('signRequest', () => {
  it('trusts an X-Content-Sha256 already on the request and never reads a stream body', async () => {
    const hash = (await sign({ method: 'POST', url: VMS_URL, body: BODY }, OPTIONS))[
      'X-Content-Sha256'
    ] as string;
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(BODY));
        controller.close();
      },
    });
    const req = new Request(VMS_URL, {
      method: 'POST',
      headers: { 'X-Content-Sha256': hash },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const out = await signRequest(req, OPTIONS);
    expect(out.headers.get('x-content-sha256')).toBe(hash);
    expect(await out.text()).toBe(BODY);
    const again = new Request(VMS_URL, {
      method: 'POST',
      headers: Object.fromEntries(out.headers),
      body: BODY,
    });
    expect(await verify(again)).toMatchObject({ ok: true });
  });

  it('keeps method, URL, other headers and the body; the original stays readable', async () => {
    const req = new Request(VMS_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 't-1' },
      body: BODY,
    });
    const out = await signRequest(req, OPTIONS);
    expect(out.method).toBe('POST');
    expect(out.url).toBe(VMS_URL);
    expect(out.headers.get('x-trace')).toBe('t-1');
    expect(out.headers.get('authorization')).toMatch(/^HMAC-SHA256 Credential=AKLTEXAMPLEKEY\//);
    expect(await out.text()).toBe(BODY);
    expect(await req.text()).toBe(BODY);
  });

  it('signs a GET without a body with the empty-string hash', async () => {
    const out = await signRequest(new Request(VMS_URL), OPTIONS);
    expect(out.headers.get('x-content-sha256')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(out.headers.get('authorization')).toContain('SignedHeaders=host;x-content-sha256;x-date,');
    expect(await verify(out)).toMatchObject({ ok: true });
  });
});

describe('verifyRequest options', () => {
  it('throws for an invalid clock or skew instead of skipping the time checks', async () => {
    const { headers } = await signed();
    await expect(verify(request(headers), { now: new Date(Number.NaN) })).rejects.toMatchObject({
      code: 'InvalidDate',
    });
    await expect(verify(request(headers), { maxSkewSeconds: Number.NaN })).rejects.toMatchObject({
      code: 'InvalidDate',
    });
  });

  it('accepts null headers from JavaScript callers', async () => {
    expect(await sign({ method: 'GET', url: VMS_URL, headers: null as never }, OPTIONS)).toHaveProperty(
      'Authorization',
    );
  });
});

describe('verify (a received request as method, URL, headers and bytes)', () => {
  it('gives the same answer as verifyRequest for headers as a record in any case, and for Headers', async () => {
    const { headers } = await signed();
    const upper = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]),
    );
    const bytes = new TextEncoder().encode(BODY);
    const expected = await verify(request(headers));
    expect(expected).toMatchObject({ ok: true });
    for (const received of [
      { method: 'POST', url: VMS_URL, headers: upper, body: bytes },
      { method: 'POST', url: new URL(VMS_URL), headers: new Headers(headers), body: BODY },
    ]) {
      expect(await verifyReceived(received, { resolveSecret, now: DATE })).toEqual(expected);
    }
  });

  it('joins a repeated header with ", " as Headers does, and fails on a changed byte or header', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Tag': 'a, b' };
    const added = await sign(
      { method: 'POST', url: VMS_URL, headers, body: BODY },
      { ...OPTIONS, signHeaders: ['x-tag'] },
    );
    const received = (tag: string | string[], body = BODY) => ({
      method: 'POST',
      url: VMS_URL,
      headers: { ...headers, ...added, 'X-Tag': tag },
      body,
    });
    const options = { resolveSecret, now: DATE };
    expect(await verifyReceived(received(['a', 'b']), options)).toMatchObject({ ok: true });
    expect(await verifyReceived(received('a'), options)).toMatchObject({ reason: 'signature-mismatch' });
    expect(await verifyReceived(received(['a', 'b'], BODY.replace('a', 'b')), options)).toMatchObject({
      reason: 'body-hash-mismatch',
    });
  });

  it('checks what a node:http server receives: IncomingMessage headers and the body bytes', async () => {
    const results: unknown[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', async () => {
        const url = `http://${req.headers.host}${req.url}`;
        results.push(
          await verifyReceived(
            { method: req.method ?? 'GET', url, headers: req.headers, body: Buffer.concat(chunks) },
            { resolveSecret, maxSkewSeconds: 60 },
          ),
        );
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/?Action=OpenDeleteResource&Version=2022-01-01`;
      const headers = { 'Content-Type': 'application/json' };
      const added = await sign(
        { method: 'POST', url, headers, body: BODY },
        { ...OPTIONS, date: new Date() },
      );
      await fetch(url, { method: 'POST', headers: { ...headers, ...added }, body: BODY });
      await fetch(url, { method: 'POST', headers: { ...headers, ...added }, body: `${BODY} ` });
    } finally {
      server.close();
    }
    expect(results).toEqual([
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: false, reason: 'body-hash-mismatch' }),
    ]);
  });
});
