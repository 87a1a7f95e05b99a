import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { type Credentials, createSigningMiddleware } from '../src/node.ts';
import { verifyRequest } from '../src/verify-node.ts';
import { CREDENTIALS, DATE } from './helpers/fixtures.ts';

interface paths {
  '/?Action=OpenDeleteResource&Version=2022-01-01': {
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': { ResourceKey: string } } };
      responses: {
        200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } };
      };
    };
  };
}

const secrets: Record<string, string> = {
  [CREDENTIALS.accessKeyId]: CREDENTIALS.secretAccessKey,
  AKLTROTATED: 'rotated',
};

/** A fetch that verifies what it receives, like the mock server will. */
const makeClient = (middleware: ReturnType<typeof createSigningMiddleware>, seen: Request[]) => {
  const client = createClient<paths>({
    baseUrl: 'https://cloud-vms.volcengineapi.com',
    fetch: async (request) => {
      seen.push(request);
      const result = await verifyRequest(request, { resolveSecret: (id) => secrets[id], now: DATE });
      return Response.json({ ok: result.ok, body: await request.text() });
    },
  });
  client.use(middleware);
  return client;
};

describe('createSigningMiddleware with openapi-fetch', () => {
  it('signs every request; the signature covers the JSON body openapi-fetch serialises', async () => {
    const seen: Request[] = [];
    const client = makeClient(
      createSigningMiddleware({
        credentials: CREDENTIALS,
        region: 'cn-beijing',
        service: 'vms',
        clock: () => DATE,
      }),
      seen,
    );
    const { data } = await client.POST('/?Action=OpenDeleteResource&Version=2022-01-01', {
      body: { ResourceKey: 'abcdef' },
    });
    expect(data).toEqual({ ok: true, body: '{"ResourceKey":"abcdef"}' });
    expect(seen[0]?.headers.get('authorization')).toContain(
      'SignedHeaders=content-type;host;x-content-sha256;x-date,',
    );
    expect(seen[0]?.headers.get('x-date')).toBe('20250528T033931Z');
  });

  it('calls the credentials function once per request, so keys can rotate', async () => {
    const seen: Request[] = [];
    const keys: Credentials[] = [
      CREDENTIALS,
      { accessKeyId: 'AKLTROTATED', secretAccessKey: 'rotated', sessionToken: 'T1' },
    ];
    let calls = 0;
    const client = makeClient(
      createSigningMiddleware({
        credentials: async () => keys[calls++ % 2] as Credentials,
        region: 'cn-beijing',
        service: 'vms',
        clock: () => DATE,
        signHeaders: ['x-trace'],
      }),
      seen,
    );
    for (let i = 0; i < 3; i++) {
      const { data } = await client.POST('/?Action=OpenDeleteResource&Version=2022-01-01', {
        body: { ResourceKey: `k${i}` },
        headers: { 'X-Trace': `t${i}` },
      });
      expect(data?.ok).toBe(true);
    }
    expect(calls).toBe(3);
    expect(seen.map((r) => r.headers.get('authorization')?.split('/')[0])).toEqual([
      'HMAC-SHA256 Credential=AKLTEXAMPLEKEY',
      'HMAC-SHA256 Credential=AKLTROTATED',
      'HMAC-SHA256 Credential=AKLTEXAMPLEKEY',
    ]);
    expect(seen[1]?.headers.get('x-security-token')).toBe('T1');
    expect(seen[1]?.headers.get('authorization')).toContain('x-security-token;x-trace,');
  });

  it('uses the clock for X-Date (a fresh one per attempt) and defaults to now', async () => {
    const times = [DATE, new Date(DATE.getTime() + 1000)];
    const middleware = createSigningMiddleware({
      credentials: CREDENTIALS,
      region: 'cn-beijing',
      service: 'vms',
      clock: () => times.shift() ?? DATE,
    });
    const first = await middleware.onRequest({
      request: new Request('https://cloud-vms.volcengineapi.com/'),
    });
    const second = await middleware.onRequest({
      request: new Request('https://cloud-vms.volcengineapi.com/'),
    });
    expect([first.headers.get('x-date'), second.headers.get('x-date')]).toEqual([
      '20250528T033931Z',
      '20250528T033932Z',
    ]);
    const now = createSigningMiddleware({ credentials: CREDENTIALS, region: 'cn-beijing', service: 'vms' });
    const signed = await now.onRequest({ request: new Request('https://cloud-vms.volcengineapi.com/') });
    const xDate = signed.headers.get('x-date') ?? '';
    expect(
      Math.abs(
        Date.parse(xDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')) -
          Date.now(),
      ),
    ).toBeLessThan(5000);
  });

  it('rejects the request when the credentials function returns bad credentials', async () => {
    const middleware = createSigningMiddleware({
      credentials: () => ({ accessKeyId: '', secretAccessKey: 'x' }),
      region: 'cn-beijing',
      service: 'vms',
    });
    await expect(
      middleware.onRequest({ request: new Request('https://cloud-vms.volcengineapi.com/') }),
    ).rejects.toMatchObject({
      code: 'InvalidCredentials',
    });
  });
});
