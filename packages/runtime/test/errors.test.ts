// The one error shape: API errors (any status, 200 included) and answers that are not the envelope
// are returned as `error`; failures without an answer are thrown. Faults come from the mock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isRpcError, RpcError } from '../src/index.ts';
import { clearScenarios, type Mock, received, startMock, testClient } from './helpers.ts';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
beforeEach(() => clearScenarios(mock));

describe('returned errors', () => {
  it('carries status, Code, CodeN, Message, RequestId, Action and Version, and keeps the envelope', async () => {
    const { call } = testClient(mock);
    const result = await call(
      'CreateThing',
      { Name: 'x' },
      { headers: { 'X-Mock-Scenario': 'error=MissingParameter' } },
    );
    const { error } = result;
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({
      kind: 'api',
      status: 400,
      Code: 'MissingParameter',
      CodeN: 100002,
      Message: 'MissingParameter happened.',
      Action: 'CreateThing',
      Version: '2022-01-01',
    });
    expect(error?.RequestId).toMatch(/^\d{17}[0-9A-F]{15}$/);
    expect(result.requestId).toBe(error?.RequestId);
    expect(error?.ResponseMetadata.Error).toMatchObject({ Code: 'MissingParameter', CodeN: 100002 });
    expect(error?.ResponseMetadata.RequestId).toBe(error?.RequestId);
    expect(error?.message).toBe('MissingParameter: MissingParameter happened.');
    expect(result.response.status).toBe(400);
    expect(isRpcError(error)).toBe(true);
  });

  it('moves an error envelope delivered with HTTP 200 into error', async () => {
    const { call } = testClient(mock);
    const result = await call(
      'CreateThing',
      { Name: 'x' },
      { headers: { 'X-Mock-Scenario': 'error=SystemError; http200' } },
    );
    expect(result.data).toBeUndefined();
    expect(result.error).toMatchObject({ kind: 'api', status: 200, Code: 'SystemError' });
    expect(result.response.status).toBe(200);
  });

  it('exposes the RequestId of every success', async () => {
    const { call } = testClient(mock);
    const result = await call('CreateThing', { Name: 'x' });
    const [request] = await received(mock);
    expect(result.requestId).toBe(request?.requestId);
    expect(result.requestId).toBe(
      (result.data as unknown as { ResponseMetadata: { RequestId: string } }).ResponseMetadata.RequestId,
    );
  });

  it.each([
    ['html', 502, /^HTTP 502 with a body that is not the Volcengine JSON envelope: <html>/],
    ['empty', 200, /^HTTP 200 with an empty body$/],
    ['truncated', 200, /^HTTP 200 with a body that is not the Volcengine JSON envelope: \{"Resp/],
  ])(
    'turns a %s body into an unexpected-response error with status and excerpt',
    async (kind, status, message) => {
      const { call } = testClient(mock);
      const result = await call(
        'CreateThing',
        { Name: 'x' },
        { headers: { 'X-Mock-Scenario': `malformed=${kind}` } },
      );
      expect(result.data).toBeUndefined();
      expect(result.error).toMatchObject({ kind: 'unexpected-response', status, Code: 'UnexpectedResponse' });
      expect(result.error?.Message).toMatch(message);
      expect(result.error?.Message.length).toBeLessThan(300);
      // The gateway header still names the request.
      expect(result.requestId).toMatch(/^\d{17}/);
    },
  );
});

describe('thrown errors', () => {
  it('throws a network RpcError when the connection is reset (a non-idempotent call is not retried)', async () => {
    const { call } = testClient(mock);
    const failure = await call(
      'CreateThing',
      { Name: 'x' },
      { headers: { 'X-Mock-Scenario': 'reset' } },
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RpcError);
    expect(failure).toMatchObject({
      kind: 'network',
      Code: 'NetworkError',
      status: undefined,
      attempts: 1,
      Action: 'CreateThing',
    });
    expect((await received(mock)).length).toBe(1);
  });

  it('throws a network RpcError when nothing listens', async () => {
    const { call } = testClient({ url: 'http://127.0.0.1:9' } as Mock, { retry: false });
    await expect(call('CreateThing', { Name: 'x' })).rejects.toMatchObject({
      kind: 'network',
      name: 'RpcError',
    });
  });
});
