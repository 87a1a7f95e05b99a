import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMockServer } from '../src/index.ts';
import { call, errorOf, metadata, postJson, realSpec, start } from './helpers.ts';

describe('routing by Action and Version', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await start(realSpec());
  });
  afterAll(() => server.close());

  it('answers 404 InvalidActionOrVersion for an unknown Action', async () => {
    const answer = await call(server, '/?Action=NoSuchAction&Version=2022-01-01');
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toEqual({
      Code: 'InvalidActionOrVersion',
      CodeN: 100008,
      Message: 'Could not find operation NoSuchAction for version 2022-01-01.',
    });
    expect(metadata(answer)).toMatchObject({ Action: 'NoSuchAction', Version: '2022-01-01' });
  });

  it('answers 404 InvalidActionOrVersion for a known Action at an unknown Version', async () => {
    const answer = await call(
      server,
      '/?Action=OpenDeleteResource&Version=2021-01-01',
      postJson({ ResourceKey: 'k' }),
    );
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toMatchObject({
      Code: 'InvalidActionOrVersion',
      Message: 'Could not find operation OpenDeleteResource for version 2021-01-01.',
    });
  });

  it('answers 400 MissingAction without an Action', async () => {
    const answer = await call(server, '/?Version=2022-01-01');
    expect(answer.status).toBe(400);
    expect(errorOf(answer).Code).toBe('MissingAction');
  });

  it('answers 400 MissingParameter naming Version without a Version', async () => {
    const answer = await call(server, '/?Action=OpenDeleteResource');
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({
      Code: 'MissingParameter',
      CodeN: 100002,
      Message: 'The required parameter Version is missing.',
    });
  });

  it('answers 400 InvalidAction saying which method the Action expects', async () => {
    const get = await call(server, '/?Action=OpenDeleteResource&Version=2022-01-01');
    expect(get.status).toBe(400);
    expect(errorOf(get).Code).toBe('InvalidAction');
    expect(errorOf(get).Message).toContain('must be called with POST, not GET');
    const post = await call(server, '/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1', postJson({}));
    expect(errorOf(post).Message).toContain('must be called with GET, not POST');
  });
});

describe('CORS', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await start(realSpec());
  });
  afterAll(() => server.close());

  it('answers a preflight allowing the signing headers', async () => {
    const response = await fetch(`${server.url}/?Action=OpenDeleteResource&Version=2022-01-01`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, x-date, x-content-sha256, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const name of ['authorization', 'x-date', 'x-content-sha256', 'x-security-token', 'content-type']) {
      expect(allowed).toContain(name);
    }
  });

  it('lets a page read the answer, its Date and its request id', async () => {
    const answer = await call(server, '/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1', {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = (answer.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    expect(exposed).toContain('date');
    expect(exposed).toContain('x-tt-logid');
    // Errors carry the CORS headers too, or a page could not read them.
    const unsigned = await call(
      server,
      '/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1',
      {},
      { sign: false },
    );
    expect(unsigned.headers.get('access-control-allow-origin')).toBe('*');
  });
});
