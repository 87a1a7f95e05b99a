/**
 * Load benchmark of the mock (`pnpm bench --only load`; never part of the tests): the mock of every
 * built service (`pnpm mock`, in a child process on 127.0.0.1) under 200 calls in flight from the
 * generated VMS, SMS and STS clients, each on its own keep-alive connection, for 30 s after a 5 s
 * warm-up; then it stops by itself. Reports requests/s, p50/p99 latency, errors (goal 0) and how much
 * the mock's resident memory grew from the end of the warm-up to the end of the run (goal ≤ 20 MB, read
 * from /proc on Linux). Env: LOAD_SECONDS, LOAD_CONNECTIONS, LOAD_WARMUP_SECONDS.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MOCK_CREDENTIALS } from '@volc-openapi/mock-server';
import { createSmsClient } from '@volc-openapi/sms';
import { createStsClient } from '@volc-openapi/sts';
import { createVmsClient } from '@volc-openapi/vms';
import { emit } from './report.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const MB = 1024 * 1024;

const cli = fileURLToPath(new URL('../../mock-server/src/cli.ts', import.meta.url));
const mock = spawn(process.execPath, [cli, '--port', '0', '--quiet'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  mock.stdout.on('data', (chunk) => {
    out += chunk;
    const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (found) resolve(found[1] as string);
  });
  mock.once('exit', (code) => reject(new Error(`the mock exited (${code}) before listening`)));
});

/** The mock's resident memory in bytes; NaN off Linux. */
const residentBytes = (): number => {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${mock.pid}/status`, 'utf8'))?.[1]) * 1024;
  } catch {
    return Number.NaN;
  }
};

// No retries: every failure must show as an error.
const options = { endpoint: url, credentials: MOCK_CREDENTIALS, retry: false as const, timeoutMs: 10_000 };
const vms = createVmsClient(options);
const sms = createSmsClient(options);
const sts = createStsClient(options);
// One read-only call per service, each answered from its spec's examples (no state kept by the mock).
const calls = [
  () => vms.QueryUsableResourceV2({ Type: 1 }),
  () => sms.GetSubAccountList({}),
  () => sts.GetCallerIdentity(),
];

const latencies: number[] = [];
let errors = 0;
let firstError: unknown;

/** Keeps one call in flight until `until`; each worker holds one keep-alive connection of the agent. */
async function worker(index: number, until: number, record: boolean): Promise<void> {
  for (let n = index; performance.now() < until; n++) {
    const started = performance.now();
    try {
      const { error } = await (calls[n % calls.length] as () => Promise<{ error?: unknown }>)();
      if (error) throw error;
      if (record) latencies.push(performance.now() - started);
    } catch (error) {
      if (record) {
        errors++;
        firstError ??= error;
      }
    }
  }
}

const run = (seconds: number, record: boolean) => {
  const until = performance.now() + seconds * 1000;
  return Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => worker(i, until, record)));
};

try {
  await run(WARMUP_SECONDS, false);
  const warm = residentBytes();
  const started = performance.now();
  await run(SECONDS, true);
  const elapsed = (performance.now() - started) / 1000;
  const after = residentBytes();

  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const group = `load: mock, ${CONNECTIONS} connections, ${SECONDS} s`;
  emit({
    group,
    name: 'requests/s (VMS, SMS, STS clients)',
    value: latencies.length / elapsed,
    unit: 'req/s',
  });
  emit({ group, name: 'p50 latency', value: at(0.5), unit: 'ms' });
  emit({ group, name: 'p99 latency', value: at(0.99), unit: 'ms' });
  emit({ group, name: 'errors', value: errors, unit: 'calls', goal: '0', met: errors === 0 });
  if (firstError) console.error(`load: first error: ${String(firstError)}`);
  if (!Number.isNaN(warm)) {
    const growth = (after - warm) / MB;
    emit({
      group,
      name: 'mock resident memory growth after warm-up',
      value: growth,
      unit: 'MB',
      goal: '≤ 20 MB',
      met: growth <= 20,
    });
    emit({ group, name: 'mock resident memory after the run', value: after / MB, unit: 'MB' });
  }
} finally {
  mock.kill('SIGTERM');
}
