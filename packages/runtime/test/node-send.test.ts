// The Node entry's default send (node:http with keep-alive) against a loopback server that misbehaves
// on cue: answers cut, stalled or reset midway, compressed or split mid-character, and sockets that
// must be reused while busy and let go when idle.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRpcClient as createBrowserClient } from '../src/index.ts';
import { nodeSend } from '../src/node-send.ts';
import { type Mock, testClient } from './helpers.ts';
import { operations } from './spec.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const SUCCESS = JSON.stringify({ ResponseMetadata: { RequestId: 'req-1' }, Result: { Total: 1 } });
let server: Server;
let url: string;
let handler: Handler;
let sockets: Socket[] = [];
let requests: IncomingMessage[] = [];

const json = (res: ServerResponse, text = SUCCESS, status = 200, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
/** Sends the headers and the first half of the answer, and leaves it at that. */
const half = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(SUCCESS.length) });
  res.write(SUCCESS.slice(0, 20));
};
/** Resolves when the socket of `req` has been closed (by the client, here). */
const closed = (req: IncomingMessage) =>
  new Promise<void>((resolve) => (req.socket.destroyed ? resolve() : req.socket.once('close', resolve)));

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => handler(req, res, body));
  });
  // Long enough that only the client can be the one closing idle sockets.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  handler = (_req, res) => json(res);
  sockets = [];
  requests = [];
});

const client = (options: Parameters<typeof testClient>[1] = {}) => testClient({ url } as Mock, options);

describe('the default send in Node', () => {
  it('is node:http, not the global fetch, unless a fetch is given; the browser entry keeps fetch', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    try {
      expect((await client().call('GetThing', { Type: 1 })).error).toBeUndefined();
      expect(spy).not.toHaveBeenCalled();
      const browser = createBrowserClient<object>({
        endpoint: url,
        region: 'cn-beijing',
        service: 'vms',
        credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
        operations,
      });
      const raw = browser as unknown as { GET(path: string): Promise<{ error?: unknown }> };
      expect((await raw.GET('/?Action=GetThing&Version=2022-01-01')).error).toBeUndefined();
      expect(spy).toHaveBeenCalledTimes(1);
      const custom = vi.fn((request: Request) => fetch(request));
      await client({ fetch: custom }).call('GetThing', { Type: 1 });
      expect(custom).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('reuses one keep-alive socket for sequential calls, and a few for concurrent ones', async () => {
    const { call } = client();
    for (let i = 0; i < 5; i++) expect((await call('GetThing', { Type: i })).error).toBeUndefined();
    expect(new Set(requests.map((r) => r.socket)).size).toBe(1);
    await Promise.all(Array.from({ length: 8 }, () => call('GetThing', { Type: 1 })));
    const afterBurst = sockets.length;
    expect(afterBurst).toBeLessThanOrEqual(8);
    await Promise.all(Array.from({ length: 8 }, () => call('GetThing', { Type: 1 })));
    expect(sockets.length).toBe(afterBurst);
    expect(requests.every((r) => r.headers.connection === 'keep-alive')).toBe(true);
  });

  it('sends string and byte bodies with their byte length, and advertises gzip unless told otherwise', async () => {
    const seen: [string | undefined, string | undefined, string][] = [];
    handler = (req, res, body) => {
      seen.push([req.headers['content-length'], req.headers['accept-encoding'], body]);
      json(res);
    };
    const { call } = client();
    await call('CreateThing', { Name: 'é€😀' });
    const length = String(Buffer.byteLength('{"Name":"é€😀"}'));
    await call('GetThing', { Type: 1 }, { headers: { 'Accept-Encoding': 'identity' } });
    const bytes = await nodeSend({
      url: `${url}/`,
      method: 'POST',
      headers: {},
      body: new TextEncoder().encode('é') as Uint8Array<ArrayBuffer>,
    });
    expect(bytes.status).toBe(200);
    expect(seen).toEqual([
      [length, 'gzip, deflate', '{"Name":"é€😀"}'],
      [undefined, 'identity', ''],
      ['2', 'gzip, deflate', 'é'],
    ]);
  });

  it.each([
    { name: 'gzip', coding: 'gzip', compress: gzipSync },
    { name: 'zlib deflate', coding: 'deflate', compress: deflateSync },
    { name: 'raw deflate', coding: 'deflate', compress: deflateRawSync },
    { name: 'brotli', coding: 'br', compress: brotliCompressSync },
  ])('decodes a $name answer', async ({ coding, compress }) => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
      res.end(compress(Buffer.from(SUCCESS)));
    };
    const result = await client().call('GetThing', { Type: 1 });
    expect(result.error).toBeUndefined();
    expect(result.data?.Result).toEqual({ Total: 1 });
    expect(result.requestId).toBe('req-1');
  });

  it('decodes UTF-8 split across chunks and drops a BOM', async () => {
    const text = JSON.stringify({ ResponseMetadata: { RequestId: 'r' }, Result: { Name: '中文 😀 é' } });
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const cut = bytes.indexOf(Buffer.from('😀')) + 2;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(bytes.subarray(0, cut));
      setTimeout(() => res.end(bytes.subarray(cut)), 20);
    };
    const result = await client().call('GetThing', { Type: 1 });
    expect(result.data?.Result).toEqual({ Name: '中文 😀 é' });
  });

  it('reads Retry-After, the error envelope and the request id from the answer headers', async () => {
    let n = 0;
    handler = (_req, res) => {
      if (n++ === 0) {
        const body = { ResponseMetadata: { Error: { Code: 'Throttling', Message: 'slow down' } } };
        return json(res, JSON.stringify(body), 429, { 'retry-after': '3', 'x-tt-logid': 'log-1' });
      }
      json(res);
    };
    const { call, waits } = client();
    const result = await call('GetThing', { Type: 1 });
    expect(result.error).toBeUndefined();
    expect(waits).toEqual([3000]);
    n = 0;
    const failed = await client({ retry: false }).call('GetThing', { Type: 1 });
    expect(failed.error).toMatchObject({ kind: 'api', status: 429, Code: 'Throttling', RequestId: 'log-1' });
    expect(failed.response).toBeInstanceOf(Response);
    expect(failed.response.headers.get('retry-after')).toBe('3');
    expect(await failed.response.text()).toContain('Throttling');
  });

  it('hands raw openapi-fetch calls a readable Response, also without a body', async () => {
    handler = (req, res) =>
      req.url?.includes('Type=0') ? res.writeHead(204, { 'x-tt-logid': 'l' }).end() : json(res);
    const raw = client().client as unknown as {
      GET(path: string, init: object): Promise<{ data?: { Result: unknown }; response: Response }>;
    };
    const ok = await raw.GET('/?Action=GetThing&Version=2022-01-01', { params: { query: { Type: 1 } } });
    expect(ok.data?.Result).toEqual({ Total: 1 });
    const empty = await raw.GET('/?Action=GetThing&Version=2022-01-01', { params: { query: { Type: 0 } } });
    expect(empty.response.status).toBe(204);
  });
});

describe('failures of the default send', () => {
  it('times out a slow answer per attempt, closing its socket, and retries an idempotent call', async () => {
    handler = () => {};
    const { call, waits } = client({ timeoutMs: 80 });
    await expect(call('GetThing', { Type: 1 })).rejects.toMatchObject({ kind: 'timeout', attempts: 3 });
    expect(waits).toHaveLength(2);
    expect(requests).toHaveLength(3);
    await Promise.all(requests.map(closed));
  });

  it('times out an answer that stalls midway', async () => {
    handler = (_req, res) => half(res);
    const { call } = client({ timeoutMs: 80, retry: false });
    await expect(call('GetThing', { Type: 1 })).rejects.toMatchObject({ kind: 'timeout', attempts: 1 });
    await closed(requests[0] as IncomingMessage);
  });

  it('stops mid-answer when the caller aborts, closing the socket, without retrying', async () => {
    handler = (_req, res) => half(res);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const { call, waits } = client();
    await expect(call('GetThing', { Type: 1 }, { signal: controller.signal })).rejects.toMatchObject({
      kind: 'aborted',
      Code: 'RequestAborted',
    });
    expect(waits).toEqual([]);
    await closed(requests[0] as IncomingMessage);
  });

  it('bounds the whole call mid-answer with callTimeoutMs', async () => {
    handler = (_req, res) => half(res);
    await expect(client().call('GetThing', { Type: 1 }, { callTimeoutMs: 80 })).rejects.toMatchObject({
      kind: 'timeout',
      Message: 'No answer within 80 ms (callTimeoutMs: the whole call)',
    });
  });

  it('turns a reset midway through the answer into a network error, retried when idempotent', async () => {
    handler = (req, res) => {
      half(res);
      setTimeout(() => req.socket.destroy(), 10);
    };
    const { call, waits } = client();
    await expect(call('GetThing', { Type: 1 })).rejects.toMatchObject({ kind: 'network', attempts: 3 });
    expect(waits).toHaveLength(2);
    await expect(client().call('CreateThing', { Name: 'x' })).rejects.toMatchObject({
      kind: 'network',
      attempts: 1,
    });
  });

  it('turns a reset before any answer into a network error naming ECONNRESET', async () => {
    handler = (req) => req.socket.resetAndDestroy();
    await expect(client({ retry: false }).call('GetThing', { Type: 1 })).rejects.toMatchObject({
      kind: 'network',
      Message: 'Network failure: ECONNRESET',
    });
  });

  it('names ECONNREFUSED when nothing listens', async () => {
    const refused = testClient({ url: 'http://127.0.0.1:9' } as Mock, { retry: false });
    await expect(refused.call('GetThing', { Type: 1 })).rejects.toMatchObject({
      kind: 'network',
      Message: 'Network failure: ECONNREFUSED',
    });
  });

  it('recovers on a fresh socket after one was destroyed', async () => {
    handler = (req, res) => (req.url?.includes('Type=9') ? req.socket.destroy() : json(res));
    const { call } = client({ retry: false });
    await expect(call('GetThing', { Type: 9 })).rejects.toMatchObject({ kind: 'network' });
    expect((await call('GetThing', { Type: 1 })).error).toBeUndefined();
  });
});

describe('process lifetime', () => {
  it('lets a script that made one call exit at once: idle keep-alive sockets do not hold it', async () => {
    const entry = fileURLToPath(new URL('../src/node.ts', import.meta.url));
    const script = `
      import { createRpcService } from ${JSON.stringify(entry)};
      const service = createRpcService({ endpoint: ${JSON.stringify(url)}, region: 'cn-beijing', service: 'vms',
        credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } });
      const meta = { action: 'GetThing', version: '2022-01-01', method: 'GET',
        path: '/?Action=GetThing&Version=2022-01-01', encoding: 'query', idempotent: true };
      const { error } = await service.call(meta, { Type: 1 });
      const done = performance.now();
      process.on('exit', () => console.log(error ? 'error' : 'ok', Math.round(performance.now() - done)));`;
    const child = spawn(process.execPath, ['--no-warnings', '--input-type=module', '--eval', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const [, status, lingered] = /^(\w+) (\d+)/.exec(out) ?? [];
    expect(status).toBe('ok');
    // The agent keeps an idle socket 4 s and the server 60 s: exiting well before means it is unref'd.
    expect(Number(lingered)).toBeLessThan(1000);
    expect(sockets).toHaveLength(1);
  });
});
