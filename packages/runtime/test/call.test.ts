// callOperation and the RPC wiring through a real openapi-fetch client, signed, against a loopback
// HTTP server whose answers each test chooses.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callOperation, createRpcClient, encodeForm, type OperationMeta } from '../src/index.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let endpoint: string;
let seen: Seen[] = [];
let answer: { status: number; body: string; type?: string } = { status: 200, body: '{}' };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      response
        .writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' })
        .end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  answer = { status: 200, body: '{}' };
});

const client = () =>
  createRpcClient<object>({
    endpoint,
    region: 'cn-beijing',
    service: 'vms',
    credentials: { accessKeyId: 'AKLTtest', secretAccessKey: 'test-secret' },
  });

const meta = (overrides: Partial<OperationMeta>): OperationMeta => ({
  action: 'Act',
  version: '2022-01-01',
  method: 'POST',
  path: '/?Action=Act&Version=2022-01-01',
  encoding: 'json',
  idempotent: false,
  ...overrides,
});

const success = {
  ResponseMetadata: { RequestId: 'r-1', Action: 'Act', Version: '2022-01-01' },
  Result: { Ok: 1 },
};

describe('wire', () => {
  it('joins GET parameters into the path key query and signs the final URL', async () => {
    answer = { status: 200, body: JSON.stringify(success) };
    const result = await callOperation(client(), meta({ method: 'GET', encoding: 'query' }), {
      Type: 1,
      Name: 'a b&c',
    });
    expect(result.data).toEqual(success);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url).toBe('/?Action=Act&Version=2022-01-01&Type=1&Name=a%20b%26c');
    expect(seen[0]?.headers.authorization).toMatch(
      /^HMAC-SHA256 Credential=AKLTtest\/\d{8}\/cn-beijing\/vms\/request/,
    );
  });

  it('sends a JSON body for json operations', async () => {
    answer = { status: 200, body: JSON.stringify(success) };
    await callOperation(client(), meta({}), { ResourceKey: 'k' });
    expect(seen[0]?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ ResourceKey: 'k' });
  });

  it('sends a form body for form operations, lists comma-joined', async () => {
    answer = { status: 200, body: JSON.stringify(success) };
    await callOperation(client(), meta({ encoding: 'form' }), {
      Phone: '138 0000',
      Ids: ['a', 'b'],
      Skip: undefined,
    });
    expect(seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[0]?.body).toBe('Phone=138+0000&Ids=a%2Cb');
    expect(encodeForm({ Nested: { A: 1 }, Flag: false })).toBe('Nested=%7B%22A%22%3A1%7D&Flag=false');
    expect(encodeForm({ List: [{ A: 1 }] })).toBe('List=%5B%7B%22A%22%3A1%7D%5D');
  });
});

describe('envelope', () => {
  it('moves an error envelope delivered with HTTP 200 into error', async () => {
    const failure = {
      ResponseMetadata: { RequestId: 'r-2', Error: { Code: 'SystemError', Message: 'system error' } },
    };
    answer = { status: 200, body: JSON.stringify(failure) };
    const result = await callOperation(client(), meta({}), {});
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual(failure);
    expect(result.response.status).toBe(200);
  });

  it('returns a 4xx error envelope as error', async () => {
    const failure = {
      ResponseMetadata: { RequestId: 'r-3', Error: { Code: 'InvalidParameter', CodeN: 0, Message: 'bad' } },
    };
    answer = { status: 400, body: JSON.stringify(failure) };
    const result = await callOperation(client(), meta({}), {});
    expect(result.error).toEqual(failure);
  });

  it.each([
    [
      'an HTML error page',
      502,
      '<html><body>Bad gateway</body></html>',
      /HTTP 502 with a body that is not the VMS JSON envelope: <html>/,
    ],
    ['an empty body', 200, '', /HTTP 200 with an empty body/],
    [
      'a truncated JSON body',
      200,
      '{"ResponseMetadata":{"RequestId":"r',
      /HTTP 200 with a body that is not the VMS JSON envelope: \{"Resp/,
    ],
  ])(
    'turns %s into an UnexpectedResponse error instead of throwing',
    async (_what, status, body, message) => {
      answer = { status, body, type: 'text/html' };
      const result = await callOperation(client(), meta({}), {});
      expect(result.data).toBeUndefined();
      expect(result.error?.ResponseMetadata.Error.Code).toBe('UnexpectedResponse');
      expect(result.error?.ResponseMetadata.Error.Message).toMatch(message);
    },
  );
});
