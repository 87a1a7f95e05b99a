import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMockServer } from '../src/index.ts';
import { call, errorOf, formSpec, metadata, postForm, postJson, realSpec, start } from './helpers.ts';

const USABLE = '/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1';
const DELETE = '/?Action=OpenDeleteResource&Version=2022-01-01';

async function admin(server: RunningMockServer, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/__mock/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('scenarios', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await start(realSpec());
  });
  afterEach(async () => {
    await admin(server, 'DELETE', 'scenarios');
  });
  afterAll(() => server.close());

  it('reports health', async () => {
    const health = await admin(server, 'GET', 'health');
    expect(health).toEqual({
      status: 200,
      json: {
        ok: true,
        service: 'vms',
        region: 'cn-beijing',
        operations: Object.keys(realSpec().paths as object).length,
      },
    });
  });

  it('forces a documented error with the status and CodeN of the spec', async () => {
    expect(
      (await admin(server, 'POST', 'scenarios', { action: 'QueryUsableResourceV2', error: 'AccessDenied' }))
        .status,
    ).toBe(201);
    const answer = await call(server, USABLE);
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toEqual({
      Code: 'AccessDenied',
      CodeN: 100013,
      Message: 'You are not authorized to perform this action.',
    });
    expect(metadata(answer)).toMatchObject({ Action: 'QueryUsableResourceV2', Version: '2022-01-01' });
    const internal = await admin(server, 'POST', 'scenarios', {
      error: 'InternalError',
      action: 'OpenDeleteResource',
    });
    expect(internal.status).toBe(201);
    const failed = await call(server, DELETE, postJson({ ResourceKey: 'k' }));
    expect(failed.status).toBe(500);
    expect(errorOf(failed)).toMatchObject({ Code: 'InternalError', CodeN: 100014 });
  });

  it('applies only to the named Action', async () => {
    await admin(server, 'POST', 'scenarios', { action: 'OpenDeleteResource', error: 'Throttling' });
    expect((await call(server, USABLE)).status).toBe(200);
    expect(errorOf(await call(server, DELETE, postJson({ ResourceKey: 'k' }))).Code).toBe('Throttling');
  });

  it('honours times, then answers normally again', async () => {
    await admin(server, 'POST', 'scenarios', { error: 'ServiceUnavailable', times: 2 });
    expect((await call(server, USABLE)).status).toBe(503);
    expect((await call(server, USABLE)).status).toBe(503);
    expect((await call(server, USABLE)).status).toBe(200);
  });

  it('keeps an unlimited scenario until cleared', async () => {
    await admin(server, 'POST', 'scenarios', { error: 'Throttling' });
    expect((await admin(server, 'GET', 'scenarios')).json.scenarios).toHaveLength(1);
    expect((await call(server, USABLE)).status).toBe(400);
    expect((await call(server, USABLE)).status).toBe(400);
    expect((await admin(server, 'DELETE', 'scenarios')).json).toEqual({ cleared: 1 });
    expect((await call(server, USABLE)).status).toBe(200);
  });

  it('delivers an error with HTTP 200 when asked', async () => {
    await admin(server, 'POST', 'scenarios', { error: 'InternalError', http200: true, times: 1 });
    const answer = await call(server, USABLE);
    expect(answer.status).toBe(200);
    expect(errorOf(answer)).toMatchObject({ Code: 'InternalError', CodeN: 100014 });
    expect(answer.json.Result).toBeUndefined();
  });

  it('overrides the status when given one, and maps a bare status to a documented error', async () => {
    await admin(server, 'POST', 'scenarios', { error: 'InternalError', status: 502, times: 1 });
    expect((await call(server, USABLE)).status).toBe(502);
    await admin(server, 'POST', 'scenarios', { status: 503, times: 1 });
    const answer = await call(server, USABLE);
    expect(answer.status).toBe(503);
    expect(errorOf(answer).Code).toBe('ServiceUnavailable');
  });

  it('delays the answer', async () => {
    await admin(server, 'POST', 'scenarios', { delayMs: 150, times: 1 });
    const started = performance.now();
    const answer = await call(server, USABLE);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.status).toBe(200);
  });

  it('resets the connection so fetch rejects', async () => {
    await admin(server, 'POST', 'scenarios', { reset: true, times: 1 });
    await expect(call(server, USABLE)).rejects.toThrow();
    expect((await call(server, USABLE)).status).toBe(200);
  });

  it.each([
    ['html', 502, /^<html>/, 'text/html'],
    ['empty', 200, /^$/, 'application/json'],
    ['truncated', 200, /^\{"ResponseMetadata":/, 'application/json'],
  ])('answers a malformed %s body', async (kind, status, pattern, type) => {
    await admin(server, 'POST', 'scenarios', { malformed: kind, times: 1 });
    const answer = await call(server, USABLE);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain(type);
    expect(answer.text).toMatch(pattern);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it('takes a one-off scenario from the X-Mock-Scenario header', async () => {
    const named = await call(server, USABLE, { headers: { 'X-Mock-Scenario': 'error=LackPolicy' } });
    expect(named.status).toBe(403);
    expect(errorOf(named)).toMatchObject({ Code: 'LackPolicy', CodeN: 100012 });
    const json = await call(server, USABLE, {
      headers: { 'X-Mock-Scenario': '{"error":"Throttling","http200":true}' },
    });
    expect(json.status).toBe(200);
    expect(errorOf(json).Code).toBe('Throttling');
    expect((await call(server, USABLE)).status).toBe(200);
    const bad = await call(server, USABLE, { headers: { 'X-Mock-Scenario': 'explode=1' } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).Message).toContain('X-Mock-Scenario');
  });

  it('refuses scenarios the spec cannot back', async () => {
    const unknownCode = await admin(server, 'POST', 'scenarios', {
      action: 'OpenDeleteResource',
      error: 'NoSuchCode',
    });
    expect(unknownCode.status).toBe(400);
    expect(String(unknownCode.json.error)).toContain('not documented');
    expect((await admin(server, 'POST', 'scenarios', { action: 'Nope', error: 'Throttling' })).status).toBe(
      400,
    );
    expect((await admin(server, 'POST', 'scenarios', { malformed: 'xml' })).status).toBe(400);
    expect((await admin(server, 'POST', 'scenarios', { times: 0 })).status).toBe(400);
    // An undocumented code is allowed when the caller says which status to use.
    expect((await admin(server, 'POST', 'scenarios', { error: 'NoSuchCode', status: 418 })).status).toBe(201);
    const teapot = await call(server, USABLE);
    expect(teapot.status).toBe(418);
    expect(errorOf(teapot)).toEqual({ Code: 'NoSuchCode', Message: 'NoSuchCode' });
  });

  it('still checks the signature before playing a scenario', async () => {
    await admin(server, 'POST', 'scenarios', { error: 'Throttling', times: 1 });
    expect(errorOf(await call(server, USABLE, {}, { sign: false })).Code).toBe('MissingAuthenticationToken');
    expect(errorOf(await call(server, USABLE)).Code).toBe('Throttling');
  });

  it('lists the last requests without secrets', async () => {
    await admin(server, 'DELETE', 'requests');
    await call(server, DELETE, postJson({ ResourceKey: 'logged' }));
    const { json } = await admin(server, 'GET', 'requests');
    const [entry] = json.requests as Record<string, unknown>[];
    expect(entry).toMatchObject({
      method: 'POST',
      url: DELETE,
      body: '{"ResourceKey":"logged"}',
      action: 'OpenDeleteResource',
      version: '2022-01-01',
      status: 200,
    });
    const headers = entry?.headers as Record<string, string>;
    expect(headers.authorization).toContain('Credential=AKLTmockaccesskey/');
    expect(headers.authorization).toContain('Signature=<redacted>');
    expect(JSON.stringify(json)).not.toContain('mock-secret-key');
    expect(headers['x-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });
});

describe('scenarios with errors documented under HTTP 200', () => {
  it('keeps the documented 200 status of a business error', async () => {
    const server = await start(formSpec());
    try {
      const scenario = await fetch(`${server.url}/__mock/scenarios`, {
        method: 'POST',
        body: JSON.stringify({ action: 'CreateThing', error: 'SystemError', times: 1 }),
      });
      expect(scenario.status).toBe(201);
      const forced = await call(server, '/?Action=CreateThing&Version=2022-01-01', postForm('Name=x'));
      expect(forced.status).toBe(200);
      expect(errorOf(forced).Code).toBe('SystemError');
      const headerScenario = await call(
        server,
        '/?Action=CreateThing&Version=2022-01-01',
        postForm('Name=x', { 'X-Mock-Scenario': 'error=SystemError' }),
      );
      expect(headerScenario.status).toBe(200);
      expect(errorOf(headerScenario)).toEqual({ Code: 'SystemError', Message: 'System error.' });
    } finally {
      await server.close();
    }
  });
});
