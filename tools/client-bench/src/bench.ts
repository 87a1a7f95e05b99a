/**
 * Client benchmark (`pnpm --filter @volc-openapi/client-bench bench`; never part of the tests).
 *
 * Three contenders call the same VMS action with the same payload — QueryOpenGetResource, a signed
 * JSON POST — against the mock server on 127.0.0.1 (in a child process), in one run and interleaved
 * round by round so that drift hits all alike:
 * - this client: `createVmsClient().QueryOpenGetResource(input)` (signing, retry loop, envelope, types);
 * - the official `@volcengine/openapi` 1.36.2: `new Service(...).createAPI(action, { method: 'POST', contentType: 'json' })`;
 * - a bare `fetch` carrying a signature computed once beforehand (the floor: no per-call work at all).
 * Latency is measured one call at a time (p50/p99); throughput with 32 calls in flight. Two servers:
 * the mock (it verifies every signature, so all three are checked to be valid; but its own ~2–3 ms of
 * CPU per request dominates and caps every contender alike), and a canned-answer loopback server
 * where the clients' own cost shows. Env: BENCH_ROUNDS, BENCH_CALLS, BENCH_MS.
 */
import { spawn } from 'node:child_process';
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

async function bareFetch(endpoint: string): Promise<Call> {
  const url = `${endpoint}/?Action=${ACTION}&Version=2022-01-01`;
  const body = JSON.stringify(input);
  const base = { 'Content-Type': 'application/json' };
  // Valid for the mock's 15-minute window, longer than the run.
  const signed = await sign(
    { method: 'POST', url, headers: base, body },
    { credentials: MOCK_CREDENTIALS, region: 'cn-beijing', service: 'vms' },
  );
  const headers = { ...base, ...signed };
  return async () => {
    const response = await fetch(url, { method: 'POST', headers, body });
    const parsed = (await response.json()) as { ResponseMetadata: { Error?: { Code: string } } };
    if (parsed.ResponseMetadata.Error) throw new Error(parsed.ResponseMetadata.Error.Code);
  };
}

async function sequential(call: Call, n: number, into?: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await call();
    into?.push(performance.now() - start);
  }
}

async function concurrent(call: Call, ms: number): Promise<{ calls: number; ms: number }> {
  let calls = 0;
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
  return { calls, ms: performance.now() - start };
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
  };
  const latencies: Record<string, number[]> = {};
  const throughput: Record<string, { calls: number; ms: number }> = {};
  for (const call of Object.values(contenders)) await sequential(call, 300); // warm-up: JIT, connections
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, call] of Object.entries(contenders)) {
      latencies[name] ??= [];
      await sequential(call, LATENCY_CALLS, latencies[name]);
      const { calls, ms } = await concurrent(call, THROUGHPUT_MS);
      const total = throughput[name] ?? { calls: 0, ms: 0 };
      throughput[name] = { calls: total.calls + calls, ms: total.ms + ms };
    }
  }
  const rows = Object.keys(contenders).map((name) => {
    const samples = latencies[name] ?? [];
    const { calls, ms } = throughput[name] ?? { calls: 0, ms: 1 };
    return { name, p50: percentile(samples, 50), p99: percentile(samples, 99), rps: (calls / ms) * 1000 };
  });
  const [ours, theirs, bare] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
  console.log(`\n### ${target}\n`);
  console.log('| contender | p50 latency | p99 latency | requests/s (32 in flight) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.p50.toFixed(3)} ms | ${row.p99.toFixed(3)} ms | ${Math.round(row.rps)} |`,
    );
  }
  console.log(
    `\n- throughput, this client ÷ @volcengine/openapi: ${(ours.rps / theirs.rps).toFixed(2)}× (goal ≥ 2×)`,
  );
  console.log(`- p50 latency, this client ÷ bare fetch: ${(ours.p50 / bare.p50).toFixed(2)}× (goal ≤ 1.2×)`);
  console.log(`- p99 latency, this client ÷ bare fetch: ${(ours.p99 / bare.p99).toFixed(2)}×`);
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
