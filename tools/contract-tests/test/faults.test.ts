// Each service's generated client against a fault-injecting server on loopback: for every fault of
// the table, the result or the thrown RpcError kind the README promises, the number of attempts, the
// elapsed time within the call's budget, a non-idempotent operation never sent twice once a byte of
// it may have reached the server, no unhandled rejection, and no timer keeping the process alive.
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isRpcError, type RpcError } from '@volc-openapi/runtime';
import { createSmsClient } from '@volc-openapi/sms';
import { createStsClient } from '@volc-openapi/sts';
import { createVmsClient } from '@volc-openapi/vms';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const CREDENTIALS = { accessKeyId: 'AKLTfaultkey', secretAccessKey: 'fault-secret-key' };
const ATTEMPT_TIMEOUT_MS = 300;
const CALL_TIMEOUT_MS = 5000;

/** What the server does with one attempt. */
type Fault = (req: IncomingMessage, res: ServerResponse) => void;

const envelope = (extra: object = {}) =>
  JSON.stringify({
    ResponseMetadata: { RequestId: '20250101000000000ABCDEF012345678', ...extra },
    Result: {},
  });
const errorEnvelope = (Code: string) => envelope({ Error: { Code, Message: `${Code} (fault table)` } });
const answer =
  (status: number, body: string | Buffer, headers: Record<string, string> = {}): Fault =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  };

/** Answers the attempts in turn with these faults; the last one repeats. */
const inTurn =
  (...faults: Fault[]): Fault =>
  (req, res) => {
    const fault = faults[Math.min(server.attempts - 1, faults.length - 1)] as Fault;
    fault(req, res);
  };

const reset: Fault = (req) => req.socket.destroy();
const resetMidBody: Fault = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
  res.write('{"ResponseMetadata":{"RequestId":"x"},"Res');
  setTimeout(() => res.socket?.destroy(), 20);
};
const stall: Fault = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
  res.write('{"ResponseMetadata":');
};
const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
const later = (seconds: number) => new Date(Date.now() + seconds * 1000).toUTCString();

interface Expected {
  /** Thrown kind, or the kind of the returned `error`, or 'ok'. */
  outcome: 'ok' | 'api' | 'unexpected-response' | 'network' | 'timeout';
  code?: string;
  /** Attempts for an idempotent operation (retry policy: 2 retries). */
  attempts: number;
  /** Waits between them, when the server asked for them. */
  waits?: (waits: number[]) => void;
  /** The attempt timeout, when reading the answer takes longer than the default one. */
  timeoutMs?: number;
}

const faults: [string, Fault | 'refused', Expected][] = [
  ['connection refused', 'refused', { outcome: 'network', code: 'NetworkError', attempts: 3 }],
  ['reset before the answer', reset, { outcome: 'network', code: 'NetworkError', attempts: 3 }],
  [
    'reset in the middle of the body',
    resetMidBody,
    { outcome: 'network', code: 'NetworkError', attempts: 3 },
  ],
  ['a body that stops (stall)', stall, { outcome: 'timeout', code: 'RequestTimeout', attempts: 3 }],
  [
    'gzip that is corrupt (read as a body cut short)',
    answer(200, Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }),
    { outcome: 'network', code: 'NetworkError', attempts: 3 },
  ],
  [
    'HTTP 200 with HTML',
    answer(200, html, { 'content-type': 'text/html' }),
    { outcome: 'unexpected-response', code: 'UnexpectedResponse', attempts: 1 },
  ],
  [
    'JSON that is not the envelope',
    answer(200, '[1,2,3]'),
    { outcome: 'unexpected-response', code: 'UnexpectedResponse', attempts: 1 },
  ],
  [
    'an envelope missing ResponseMetadata',
    answer(200, '{"Result":{"Records":[]}}'),
    { outcome: 'unexpected-response', code: 'UnexpectedResponse', attempts: 1 },
  ],
  [
    '429 without Retry-After (backoff)',
    answer(429, errorEnvelope('Throttling')),
    { outcome: 'api', code: 'Throttling', attempts: 3, waits: (w) => expect(w).toHaveLength(2) },
  ],
  [
    '429 with Retry-After in seconds',
    answer(429, errorEnvelope('Throttling'), { 'retry-after': '2' }),
    { outcome: 'api', code: 'Throttling', attempts: 3, waits: (w) => expect(w).toEqual([2000, 2000]) },
  ],
  [
    '503 with Retry-After as an HTTP date',
    (req, res) => answer(503, errorEnvelope('ServiceUnavailable'), { 'retry-after': later(3) })(req, res),
    {
      outcome: 'api',
      code: 'ServiceUnavailable',
      attempts: 3,
      // An HTTP date has whole seconds: 2–3 s from now.
      waits: (w) => {
        expect(w).toHaveLength(2);
        for (const ms of w) {
          expect(ms).toBeGreaterThan(1000);
          expect(ms).toBeLessThanOrEqual(3000);
        }
      },
    },
  ],
  [
    '503 without Retry-After',
    answer(503, errorEnvelope('ServiceUnavailable')),
    { outcome: 'api', code: 'ServiceUnavailable', attempts: 3 },
  ],
  [
    'a burst of 5xx, then a success',
    inTurn(
      answer(502, html, { 'content-type': 'text/html' }),
      answer(500, errorEnvelope('InternalError')),
      answer(200, envelope()),
    ),
    { outcome: 'ok', attempts: 3 },
  ],
  [
    'a response far larger than expected (8 MiB, not the envelope)',
    answer(200, Buffer.alloc(8 * 1024 * 1024, 'x')),
    { outcome: 'unexpected-response', code: 'UnexpectedResponse', attempts: 1, timeoutMs: 5000 },
  ],
];

const server = {
  http: undefined as Server | undefined,
  url: '',
  fault: answer(200, envelope()) as Fault,
  attempts: 0,
  /** Request bodies received: a non-idempotent call must show one. */
  bodies: [] as string[],
};
const refusedUrl = async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
};

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server.http = createServer((req, res) => {
    server.attempts++;
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      server.bodies.push(body);
      server.fault(req, res);
    });
  });
  await new Promise<void>((resolve) => server.http?.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(server.http.address() as AddressInfo).port}`;
});
afterEach(() => {
  server.attempts = 0;
  server.bodies = [];
});
afterAll(async () => {
  server.http?.closeAllConnections();
  await new Promise((resolve) => server.http?.close(resolve));
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

type Call = (input: object, options?: object) => Promise<{ data?: unknown; error?: RpcError }>;

/** One idempotent and (where the service has one) one non-idempotent operation per service. */
function clients(endpoint: string, waits: number[], timeoutMs = ATTEMPT_TIMEOUT_MS) {
  const options = {
    endpoint,
    credentials: CREDENTIALS,
    timeoutMs,
    callTimeoutMs: Math.max(CALL_TIMEOUT_MS, timeoutMs * 2),
    retry: { maxRetries: 2, baseDelayMs: 20, maxDelayMs: 8000, maxElapsedMs: 20_000 },
    // Waits are recorded, not slept: Retry-After asks for seconds.
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
  const vms = createVmsClient(options) as unknown as Record<string, Call>;
  const sms = createSmsClient(options) as unknown as Record<string, Call>;
  const sts = createStsClient(options) as unknown as Record<string, Call>;
  return [
    ['vms', vms.QueryTaskList as Call, vms.CreateTask as Call],
    ['sms', sms.GetSmsSendDetails as Call, sms.SendSms as Call],
    ['sts', sts.AssumeRole as Call, undefined],
  ] as const;
}

/** Runs one call: the outcome kind and code, thrown or returned. */
async function outcomeOf(call: Call, input: object) {
  const started = performance.now();
  try {
    const result = await call(input);
    const error = result.error;
    return {
      kind: error ? error.kind : 'ok',
      code: error?.Code,
      attempts: error?.attempts,
      ms: performance.now() - started,
    };
  } catch (error) {
    if (!isRpcError(error)) throw error;
    return { kind: error.kind, code: error.Code, attempts: error.attempts, ms: performance.now() - started };
  }
}

const INPUT = {
  Name: 'fault',
  RoleTrn: 'trn:iam::1:role/x',
  RoleSessionName: 's',
  PhoneNumbers: '1',
  SmsAccount: 'a',
};

describe.each(faults)('against %s', (_name, fault, expected) => {
  it.each(['vms', 'sms', 'sts'])(
    'the %s client gives the promised outcome, attempts and budget',
    async (name) => {
      const endpoint = fault === 'refused' ? await refusedUrl() : server.url;
      if (fault !== 'refused') server.fault = fault;
      const waits: number[] = [];
      const [, idempotent, nonIdempotent] = clients(endpoint, waits, expected.timeoutMs).find(
        ([n]) => n === name,
      ) as ReturnType<typeof clients>[number];

      const got = await outcomeOf(idempotent, INPUT);
      expect(got.kind).toBe(expected.outcome);
      if (expected.code) expect(got.code).toBe(expected.code);
      if (got.attempts !== undefined) expect(got.attempts).toBe(expected.attempts);
      if (fault !== 'refused') expect(server.attempts).toBe(expected.attempts);
      expect(got.ms).toBeLessThan(Math.max(CALL_TIMEOUT_MS, (expected.timeoutMs ?? 0) * 2));
      expected.waits?.(waits);

      if (!nonIdempotent) return;
      server.attempts = 0;
      const once = await outcomeOf(nonIdempotent, INPUT);
      // Sent once, whatever the fault: the server may have acted on it.
      if (fault !== 'refused') expect(server.attempts).toBe(1);
      if (once.attempts !== undefined) expect(once.attempts).toBe(1);
      expect(once.ms).toBeLessThan(Math.max(CALL_TIMEOUT_MS, (expected.timeoutMs ?? 0) * 2));
    },
  );
});

describe('process lifetime', () => {
  it('ends by itself after calls that timed out, were reset and were refused: no timer or socket holds it', async () => {
    // A separate Node process: it makes the calls, closes its fault server and must then exit unaided.
    const script = `
      import { createServer } from 'node:http';
      import { createVmsClient } from '@volc-openapi/vms';
      const server = createServer((req, res) => {
        if (req.url.includes('QueryTaskList')) res.writeHead(200, { 'content-length': '99' }).write('{');
        else req.socket.destroy();
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const vms = createVmsClient({
        endpoint: 'http://127.0.0.1:' + server.address().port,
        credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
        timeoutMs: 200, callTimeoutMs: 60000, retry: { maxRetries: 1, baseDelayMs: 10 },
      });
      const kinds = [];
      for (const call of [() => vms.QueryTaskList({}), () => vms.CreateTask({})])
        await call().then(() => kinds.push('ok'), (error) => kinds.push(error.kind));
      server.closeAllConnections();
      server.close();
      console.log(kinds.join(','));
    `;
    const started = Date.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      timeout: 20_000,
    });
    expect(stdout.trim()).toBe('timeout,network');
    // The call timeout is 60 s: a timer left behind would hold the process that long.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
