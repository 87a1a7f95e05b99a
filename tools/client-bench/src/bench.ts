/**
 * Client benchmark (`pnpm --filter @volc-openapi/client-bench bench`; never part of the tests).
 *
 * Four contenders call the same VMS action with the same payload — QueryOpenGetResource, a signed
 * JSON POST — against the mock server on 127.0.0.1 (in a child process), in one run and interleaved
 * round by round so that drift hits all alike:
 * - this client: `createVmsClient().QueryOpenGetResource(input)` (signing, retry loop, envelope, types);
 * - the official `@volcengine/openapi` 1.36.2: `new Service(...).createAPI(action, { method: 'POST', contentType: 'json' })`;
 * - a bare `fetch` carrying a signature computed once beforehand (the floor the goal names: no
 *   per-call work at all);
 * - the same presigned request over a bare `node:http` keep-alive agent, for information: the floor of
 *   the transport this client uses by default in Node.
 * Latency is measured one call at a time (p50/p99); throughput with 32 calls in flight, along with the
 * CPU time each request costs the client process and (on Linux, from /proc) the server process: on a
 * 2-core machine whichever side needs more CPU per request sets the ceiling. Two servers: the mock (it
 * verifies every signature, so all are checked to be valid; its own CPU per request caps every
 * contender alike once a client is cheaper than it), and a canned-answer loopback server where the
 * clients' own cost shows. Env: BENCH_ROUNDS, BENCH_CALLS, BENCH_MS.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MOCK_CREDENTIALS } from '@volc-openapi/mock-server';
import { sign } from '@volc-openapi/signer';
import { createVmsClient } from '@volc-openapi/vms';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LATENCY_CALLS = Number(process.env.BENCH_CALLS ?? 400);
const THROUGHPUT_MS = Number(process.env.BENCH_MS ?? 1500);
const CONCURRENCY = 32;
const ACTION = 'QueryOpenGetResource';
const input = { Type: 0 as const, State: 1 as const, Offset: 0, Limit: 10 };

const child = spawn(process.execPath, [fileURLToPath(new URL('./mock.ts', import.meta.url))], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const targets = JSON.parse(
  await new Promise<string>((resolve) => {
    createInterface({ input: child.stdout }).once('line', resolve);
  }),
) as { mock: string; canned: string };

type Call = () => Promise<void>;

function client(endpoint: string): Call {
  const vms = createVmsClient({ credentials: MOCK_CREDENTIALS, endpoint });
  return async () => {
    const { error } = await vms.QueryOpenGetResource(input);
    if (error) throw error;
  };
}

function official(endpoint: string): Call {
  interface OfficialService {
    createAPI(
      action: string,
      options: { Version: string; method: string; contentType: string },
    ): (body: object) => Promise<{ ResponseMetadata: { Error?: { Code: string } } }>;
  }
  const { Service } = createRequire(import.meta.url)('@volcengine/openapi') as {
    Service: new (options: object) => OfficialService;
  };
  const { host, protocol } = new URL(endpoint);
  const service = new Service({
    host,
    protocol,
    region: 'cn-beijing',
    serviceName: 'vms',
    accessKeyId: MOCK_CREDENTIALS.accessKeyId,
    secretKey: MOCK_CREDENTIALS.secretAccessKey,
  });
  const api = service.createAPI(ACTION, { Version: '2022-01-01', method: 'POST', contentType: 'json' });
  return async () => {
    const body = await api(input);
    if (body.ResponseMetadata.Error) throw new Error(body.ResponseMetadata.Error.Code);
  };
}

/** The action's request, signed once: valid for the mock's 15-minute window, longer than the run. */
async function presigned(
  endpoint: string,
): Promise<{ url: string; body: string; headers: Record<string, string> }> {
  const url = `${endpoint}/?Action=${ACTION}&Version=2022-01-01`;
  const body = JSON.stringify(input);
  const base = { 'Content-Type': 'application/json' };
  const signed = await sign(
    { method: 'POST', url, headers: base, body },
    { credentials: MOCK_CREDENTIALS, region: 'cn-beijing', service: 'vms' },
  );
  return { url, body, headers: { ...base, ...signed } };
}

async function bareFetch(endpoint: string): Promise<Call> {
  const { url, body, headers } = await presigned(endpoint);
  return async () => {
    const response = await fetch(url, { method: 'POST', headers, body });
    const parsed = (await response.json()) as { ResponseMetadata: { Error?: { Code: string } } };
    if (parsed.ResponseMetadata.Error) throw new Error(parsed.ResponseMetadata.Error.Code);
  };
}

/** The same presigned request as {@link bareFetch}, over node:http with a keep-alive agent. */
async function bareHttp(endpoint: string): Promise<Call> {
  const { url, body, headers: signed } = await presigned(endpoint);
  const headers = { ...signed, 'Content-Length': String(Buffer.byteLength(body)) };
  // As the runtime's agent: idle sockets go after 4 s (or before the server's Keep-Alive timeout), so a
  // socket left idle while other contenders run is not reused just as the server closes it.
  const agent = new Agent({ keepAlive: true, timeout: 4000 });
  return () =>
    new Promise((resolve, reject) => {
      request(url, { method: 'POST', headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            ResponseMetadata: { Error?: { Code: string } };
          };
          if (parsed.ResponseMetadata.Error) reject(new Error(parsed.ResponseMetadata.Error.Code));
          else resolve();
        });
      })
        .on('error', reject)
        .end(body);
    });
}

async function sequential(call: Call, n: number, into?: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await call();
    into?.push(performance.now() - start);
  }
}

/** CPU time of the server process in ms (Linux: utime + stime from /proc, in 10 ms ticks); NaN elsewhere. */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

interface Throughput {
  calls: number;
  ms: number;
  clientCpuMs: number;
  serverCpuMs: number;
}

async function concurrent(call: Call, ms: number): Promise<Throughput> {
  let calls = 0;
  const cpu = process.cpuUsage();
  const server = serverCpuMs();
  const start = performance.now();
  const until = start + ms;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await call();
        calls++;
      }
    }),
  );
  const { user, system } = process.cpuUsage(cpu);
  return {
    calls,
    ms: performance.now() - start,
    clientCpuMs: (user + system) / 1000,
    serverCpuMs: serverCpuMs() - server,
  };
}

interface Row {
  name: string;
  p50: number;
  p99: number;
  rps: number;
  clientUs: number;
  serverUs: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

console.log(
  `${ACTION} on 127.0.0.1 — Node ${process.version}, ${ROUNDS} interleaved rounds of ${LATENCY_CALLS} sequential calls (latency) and ${THROUGHPUT_MS} ms with ${CONCURRENCY} in flight (throughput)`,
);
for (const [target, endpoint] of Object.entries({
  'mock server': targets.mock,
  'canned-answer server': targets.canned,
})) {
  const contenders: Record<string, Call> = {
    'this client': client(endpoint),
    '@volcengine/openapi': official(endpoint),
    'bare fetch (presigned)': await bareFetch(endpoint),
    'bare node:http (presigned)': await bareHttp(endpoint),
  };
  const latencies: Record<string, number[]> = {};
  const throughput: Record<string, Throughput> = {};
  for (const call of Object.values(contenders)) await sequential(call, 300); // warm-up: JIT, connections
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, call] of Object.entries(contenders)) {
      latencies[name] ??= [];
      await sequential(call, LATENCY_CALLS, latencies[name]);
      const run = await concurrent(call, THROUGHPUT_MS);
      const total = throughput[name] ?? { calls: 0, ms: 0, clientCpuMs: 0, serverCpuMs: 0 };
      throughput[name] = {
        calls: total.calls + run.calls,
        ms: total.ms + run.ms,
        clientCpuMs: total.clientCpuMs + run.clientCpuMs,
        serverCpuMs: total.serverCpuMs + run.serverCpuMs,
      };
    }
  }
  const rows = Object.keys(contenders).map((name) => {
    const samples = latencies[name] ?? [];
    const { calls, ms, clientCpuMs, serverCpuMs } = throughput[name] as Throughput;
    return {
      name,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      rps: (calls / ms) * 1000,
      clientUs: (clientCpuMs / calls) * 1000,
      serverUs: (serverCpuMs / calls) * 1000,
    };
  });
  const [ours, theirs, bare, http] = rows as [Row, Row, Row, Row];
  console.log(`\n### ${target}\n`);
  console.log(
    '| contender | p50 latency | p99 latency | requests/s (32 in flight) | client CPU/request | server CPU/request |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const us = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} µs` : '—');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.p50.toFixed(3)} ms | ${row.p99.toFixed(3)} ms | ${Math.round(row.rps)} | ${us(row.clientUs)} | ${us(row.serverUs)} |`,
    );
  }
  console.log(
    `\n- throughput, this client ÷ @volcengine/openapi: ${(ours.rps / theirs.rps).toFixed(2)}× (goal ≥ 2×)`,
  );
  console.log(`- p50 latency, this client ÷ bare fetch: ${(ours.p50 / bare.p50).toFixed(2)}× (goal ≤ 1.2×)`);
  console.log(`- p99 latency, this client ÷ bare fetch: ${(ours.p99 / bare.p99).toFixed(2)}×`);
  console.log(
    `- this client ÷ bare node:http (its transport's floor): p50 ${(ours.p50 / http.p50).toFixed(2)}×, requests/s ${(ours.rps / http.rps).toFixed(2)}×`,
  );
  // Rows for the repo-wide `pnpm bench` table (tools/bench collects `BENCH ` lines).
  const emit = (row: Record<string, unknown>) =>
    console.log(`BENCH ${JSON.stringify({ group: 'client', ...row })}`);
  const throughputRatio = ours.rps / theirs.rps;
  const latencyRatio = ours.p50 / bare.p50;
  emit({
    name: `requests/s, ${target}`,
    value: ours.rps,
    unit: 'req/s',
    ratio: `${throughputRatio.toFixed(2)}× @volcengine/openapi (${Math.round(theirs.rps)})`,
    goal: '≥ 2× official',
    met: throughputRatio >= 2,
  });
  emit({
    name: `p50 latency, ${target}`,
    value: ours.p50,
    unit: 'ms',
    ratio: `${latencyRatio.toFixed(2)}× bare fetch (${bare.p50.toFixed(3)} ms)`,
    goal: '≤ 1.2× bare fetch',
    met: latencyRatio <= 1.2,
  });
  emit({
    name: `p99 latency, ${target}`,
    value: ours.p99,
    unit: 'ms',
    ratio: `${(ours.p99 / bare.p99).toFixed(2)}× bare fetch`,
  });
}
child.stdin.end();
