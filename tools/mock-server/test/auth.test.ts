import { signRequest } from '@volc-openapi/signer';
import { presignUrl } from '@volc-openapi/signer/presign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMockServer } from '../src/index.ts';
import { call, errorOf, metadata, realSpec, start } from './helpers.ts';

const PATH = '/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1';
const MINUTE = 60_000;

describe('signature check', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await start(realSpec(), {
      credentials: { AKLTmockaccesskey: 'mock-secret-key', AKLTsecond: 'second-secret' },
    });
  });
  afterAll(() => server.close());

  it('refuses an unsigned request with 401 MissingAuthenticationToken', async () => {
    const answer = await call(server, PATH, {}, { sign: false });
    expect(answer.status).toBe(401);
    expect(errorOf(answer)).toMatchObject({ Code: 'MissingAuthenticationToken', CodeN: 100003 });
    expect(metadata(answer)).toMatchObject({ Action: 'QueryUsableResourceV2', Version: '2022-01-01' });
    expect(answer.json.Result).toBeUndefined();
    expect(answer.headers.get('date')).toBeTruthy();
  });

  it('refuses a tampered signature with 401 SignatureDoesNotMatch', async () => {
    const signed = await call(server, PATH); // sanity: the same request signed properly passes
    expect(signed.status).toBe(200);
    const request = await signRequest(new Request(server.url + PATH), {
      credentials: { accessKeyId: 'AKLTmockaccesskey', secretAccessKey: 'mock-secret-key' },
      region: 'cn-beijing',
      service: 'vms',
    });
    const auth = request.headers.get('authorization') as string;
    const last = auth.at(-1) === '0' ? '1' : '0';
    const headers = new Headers(request.headers);
    headers.set('authorization', auth.slice(0, -1) + last);
    const response = await fetch(server.url + PATH, { headers });
    const body = (await response.json()) as { ResponseMetadata: { Error: { Code: string; CodeN: number } } };
    expect(response.status).toBe(401);
    expect(body.ResponseMetadata.Error).toMatchObject({ Code: 'SignatureDoesNotMatch', CodeN: 100010 });
  });

  it('refuses a request signed with the wrong secret', async () => {
    const answer = await call(server, PATH, {}, { secretAccessKey: 'not-the-secret' });
    expect(answer.status).toBe(401);
    expect(errorOf(answer).Code).toBe('SignatureDoesNotMatch');
  });

  it('refuses an unknown access key with 401 InvalidAccessKey', async () => {
    const answer = await call(server, PATH, {}, { accessKeyId: 'AKLTnobody' });
    expect(answer.status).toBe(401);
    expect(errorOf(answer)).toMatchObject({ Code: 'InvalidAccessKey', CodeN: 100009 });
  });

  it('accepts a presigned URL (the signature in the query string)', async () => {
    const url = await presignUrl(
      { method: 'GET', url: server.url + PATH },
      {
        credentials: { accessKeyId: 'AKLTmockaccesskey', secretAccessKey: 'mock-secret-key' },
        region: 'cn-beijing',
        service: 'vms',
        expiresInSeconds: 60,
      },
    );
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const tampered = await fetch(url.replace('Type=1', 'Type=2'));
    expect(tampered.status).toBe(401);
  });

  it('accepts every configured key pair', async () => {
    const answer = await call(
      server,
      PATH,
      {},
      { accessKeyId: 'AKLTsecond', secretAccessKey: 'second-secret' },
    );
    expect(answer.status).toBe(200);
  });

  it('refuses an X-Date 20 minutes old with 400 InvalidTimestamp', async () => {
    const answer = await call(server, PATH, {}, { date: new Date(Date.now() - 20 * MINUTE) });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ Code: 'InvalidTimestamp', CodeN: 100006 });
  });

  it('refuses an X-Date 20 minutes ahead too, but accepts 10 minutes of skew', async () => {
    const ahead = await call(server, PATH, {}, { date: new Date(Date.now() + 20 * MINUTE) });
    expect(errorOf(ahead).Code).toBe('InvalidTimestamp');
    const close = await call(server, PATH, {}, { date: new Date(Date.now() - 10 * MINUTE) });
    expect(close.status).toBe(200);
  });

  it('accepts the cn-north-1 region the official SDKs sign with', async () => {
    const answer = await call(server, PATH, {}, { region: 'cn-north-1' });
    expect(answer.status).toBe(200);
    expect(metadata(answer).Region).toBe('cn-beijing');
  });

  it('answers 404 ServiceNotFound for a scope naming another service', async () => {
    const answer = await call(server, PATH, {}, { service: 'vmsx' });
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toMatchObject({ Code: 'ServiceNotFound', CodeN: 100007 });
  });

  it('detects a body changed after signing', async () => {
    const url = `${server.url}/?Action=OpenDeleteResource&Version=2022-01-01`;
    const signed = await signRequest(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"ResourceKey":"a"}',
      }),
      {
        credentials: { accessKeyId: 'AKLTmockaccesskey', secretAccessKey: 'mock-secret-key' },
        region: 'cn-beijing',
        service: 'vms',
      },
    );
    const response = await fetch(url, {
      method: 'POST',
      headers: signed.headers,
      body: '{"ResourceKey":"b"}',
    });
    expect(response.status).toBe(401);
  });
});

describe('server clock', () => {
  it('checks X-Date against the injected clock and reports it in the Date header', async () => {
    const now = new Date('2025-05-28T03:39:31Z');
    const server = await start(realSpec(), { now: () => now, maxSkewSeconds: 60 });
    try {
      const fresh = await call(server, PATH, {}, { date: new Date(now.getTime() - 30_000) });
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('date')).toBe(now.toUTCString());
      expect(metadata(fresh).RequestId).toMatch(/^20250528033931000/);
      const stale = await call(server, PATH, {}, { date: new Date(now.getTime() - 90_000) });
      expect(errorOf(stale).Code).toBe('InvalidTimestamp');
    } finally {
      await server.close();
    }
  });
});
