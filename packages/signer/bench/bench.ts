/**
 * Side-by-side signing benchmark. Run with `pnpm bench` (never part of the tests).
 *
 * Every contender signs the same request shape: the VMS OpenDeleteResource call
 * (POST https://cloud-vms.volcengineapi.com/?Action=OpenDeleteResource&Version=2022-01-01,
 * Content-Type application/json; charset=UTF-8) with the body {"ResourceKey":"abcdef"}, then with a 1 MiB body.
 * Each timed sample runs a batch of calls and reports the time per call, so timer overhead is negligible.
 * Memory per signature is measured in a child process whose young generation is large enough that no
 * garbage collection runs during the measured loop.
 */
import { spawnSync } from 'node:child_process';
import { createHmac, hash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { OfficialSigner } from '@volc-openapi/signing-reference/official';
import { Bench } from 'tinybench';
import { sign, signRequest } from '../src/node.ts';
import { bundleSize } from '../test/helpers/bundle-size.ts';

const HOST = 'cloud-vms.volcengineapi.com';
const URL_STRING = `https://${HOST}/?Action=OpenDeleteResource&Version=2022-01-01`;
const CONTENT_TYPE = 'application/json; charset=UTF-8';
const date = new Date('2025-05-28T03:39:31Z');
const credentials = { accessKeyId: 'AKLTEXAMPLEKEY', secretAccessKey: 'exampleSecretKey==' };
const options = { credentials, region: 'cn-beijing', service: 'vms', date };

const bodies = {
  OpenDeleteResource: '{"ResourceKey":"abcdef"}',
  '1 MiB': `{"Data":"${'x'.repeat(1024 * 1024 - 11)}"}`,
};

type Contender = () => unknown;

const contenders = (body: string): Record<string, Contender> => {
  const smithy = new SignatureV4({
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    region: 'cn-beijing',
    service: 'vms',
    sha256: Hash.bind(null, 'sha256'),
  });
  const smithyRequest = new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname: HOST,
    path: '/',
    query: { Action: 'OpenDeleteResource', Version: '2022-01-01' },
    headers: { host: HOST, 'content-type': CONTENT_TYPE },
    body,
  });
  // Floor: the unavoidable crypto with a cached key: SHA-256 of the body, SHA-256 of a canonical request of
  // the same size as ours, one HMAC of the string to sign.
  const key = createHmac('sha256', 'k').update('cached').digest();
  const inner = Buffer.alloc(64 + 448, 0x36);
  const outer = Buffer.alloc(96, 0x5c);
  key.forEach((byte, i) => {
    inner[i] = 0x36 ^ byte;
    outer[i] = 0x5c ^ byte;
  });
  const canonicalTemplate = `POST\n/\nAction=OpenDeleteResource&Version=2022-01-01\ncontent-type:${CONTENT_TYPE}\nhost:${HOST}\nx-content-sha256:${'0'.repeat(64)}\nx-date:20250528T033931Z\n\ncontent-type;host;x-content-sha256;x-date\n${'0'.repeat(64)}`;
  const parts = { method: 'POST', url: URL_STRING, headers: { 'Content-Type': CONTENT_TYPE }, body };
  return {
    'sign (this package)': () => sign(parts, options),
    'signRequest (incl. new Request)': () =>
      signRequest(
        new Request(URL_STRING, { method: 'POST', headers: { 'Content-Type': CONTENT_TYPE }, body }),
        options,
      ),
    '@volcengine/openapi Signer': () => {
      const signer = new OfficialSigner(
        {
          region: 'cn-beijing',
          method: 'POST',
          pathname: '/',
          params: { Action: 'OpenDeleteResource', Version: '2022-01-01' },
          headers: { 'Content-Type': CONTENT_TYPE },
          body,
        },
        'vms',
      );
      signer.addAuthorization(
        { accessKeyId: credentials.accessKeyId, secretKey: credentials.secretAccessKey },
        date,
      );
      return signer.request.headers.Authorization;
    },
    '@smithy/signature-v4': () => smithy.sign(smithyRequest, { signingDate: date }),
    'node:crypto floor': () => {
      const payload = hash('sha256', body, 'hex');
      const canonicalHash = hash('sha256', canonicalTemplate, 'hex');
      return createHmac('sha256', key)
        .update(`HMAC-SHA256\n20250528T033931Z\n20250528/cn-beijing/vms/request\n${canonicalHash}`)
        .digest('hex')
        .concat(payload);
    },
    // The same three primitives with HMAC computed the way the package does it (two one-shot SHA-256 over
    // cached pad blocks), for a like-for-like view of the non-crypto overhead.
    'floor, pad-block HMAC': () => {
      const payload = hash('sha256', body, 'hex');
      const canonicalHash = hash('sha256', canonicalTemplate, 'hex');
      const n = inner.write(
        `HMAC-SHA256\n20250528T033931Z\n20250528/cn-beijing/vms/request\n${canonicalHash}`,
        64,
        'latin1',
      );
      outer.write(hash('sha256', inner.subarray(0, 64 + n), 'binary'), 64, 'latin1');
      return hash('sha256', outer, 'hex').concat(payload);
    },
  };
};

const batchFor = (body: string) => (body.length > 1000 ? 1 : 200);

/**
 * CPU time of this process in milliseconds (user + system). On a shared machine wall-clock time mostly
 * measures the neighbours; CPU time measures the work. Resolution is 1 µs, and a sample is a batch of calls
 * lasting hundreds of microseconds.
 */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Microseconds per call for each contender. Contenders are measured side by side in interleaved rounds
 * (one short tinybench run per round), and the median of the round means is kept, so a noisy neighbour
 * slows every contender alike instead of whichever happened to run at the time.
 */
const measure = async (body: string): Promise<Map<string, number>> => {
  const batch = batchFor(body);
  const large = body.length > 1000;
  const rounds = large ? 5 : 9;
  const samples = new Map<string, number[]>();
  const fns = contenders(body);
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: large ? 400 : 150, warmupTime: round === 0 ? 200 : 20, now: cpuNow });
    const names = Object.keys(fns);
    // Rotate the order every round.
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
      const fn = fns[name] as Contender;
      bench.add(name, async () => {
        for (let i = 0; i < batch; i++) await fn();
      });
    }
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (!('latency' in result)) throw new Error(`${task.name} did not complete`);
      samples.set(task.name, [...(samples.get(task.name) ?? []), (result.latency.mean * 1000) / batch]);
    }
  }
  return new Map(Object.keys(fns).map((name) => [name, median(samples.get(name) ?? [])]));
};

/** Heap + ArrayBuffer bytes allocated per call, measured in this (child) process without a GC. */
const memoryPerCall = async (bodyName: keyof typeof bodies, name: string): Promise<number> => {
  const body = bodies[bodyName];
  const fn = contenders(body)[name] as Contender;
  const n = body.length > 1000 ? 20 : 2000;
  for (let i = 0; i < n; i++) await fn();
  (globalThis as { gc?: () => void }).gc?.();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  for (let i = 0; i < n; i++) await fn();
  return (used() - before) / n;
};

/** A machine-readable row for the repo-wide `pnpm bench` table (tools/bench collects `BENCH ` lines). */
const emit = (row: {
  name: string;
  value: number;
  unit: string;
  ratio?: string;
  goal?: string;
  met?: boolean;
}) => console.log(`BENCH ${JSON.stringify({ group: 'signer', ...row })}`);

const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

if (process.argv[2] === '--memory') {
  const [bodyName, name] = JSON.parse(process.argv[3] as string) as [keyof typeof bodies, string];
  process.stdout.write(String(await memoryPerCall(bodyName, name)));
} else {
  const script = fileURLToPath(import.meta.url);
  // The browser build as published (dist/, through the export map): run `pnpm build` first.
  const whole = await bundleSize("export * from '@volc-openapi/signer';");
  const client = await bundleSize(
    "export { sign, signRequest, createSigningMiddleware, SignerError } from '@volc-openapi/signer';",
  );
  const presign = await bundleSize("export * from '@volc-openapi/signer/presign';");
  const verify = await bundleSize("export * from '@volc-openapi/signer/verify';");
  console.log(
    `Node ${process.version}, ${process.arch}; CPU time per signature, median of interleaved rounds (µs/op)\n`,
  );
  const checks: string[] = [];
  for (const [bodyName, body] of Object.entries(bodies) as [keyof typeof bodies, string][]) {
    const times = await measure(body);
    const ours = times.get('sign (this package)') as number;
    const floor = times.get('node:crypto floor') as number;
    const padFloor = times.get('floor, pad-block HMAC') as number;
    const rows = [...times].map(([name, micros]) => {
      const child = spawnSync(
        process.execPath,
        [
          '--expose-gc',
          '--single-threaded-gc',
          '--min-semi-space-size=256',
          '--max-semi-space-size=256',
          script,
          '--memory',
          JSON.stringify([bodyName, name]),
        ],
        { encoding: 'utf8' },
      );
      const bytes = Number(child.stdout);
      return {
        contender: name,
        'µs/op': fmt(micros, micros < 100 ? 2 : 0),
        'ops/s': fmt(1e6 / micros, 0),
        '× sign': fmt(micros / ours),
        '× floor': fmt(micros / floor),
        'bytes/op': Number.isFinite(bytes) && bytes > 0 ? fmt(bytes, 0) : 'n/a',
      };
    });
    console.log(`body: ${bodyName} (${fmt(Buffer.byteLength(body), 0)} bytes)`);
    console.table(rows);
    const official = times.get('@volcengine/openapi Signer') as number;
    const smithy = times.get('@smithy/signature-v4') as number;
    const short = bodyName === '1 MiB' ? '1 MiB body' : 'OpenDeleteResource body';
    emit({ name: `sign, ${short}`, value: ours, unit: 'µs' });
    emit({
      name: `official SDK / sign, ${short}`,
      value: official / ours,
      unit: '×',
      ratio: `${fmt(official, 1)} µs official`,
      goal: '≥ 10×',
      met: official / ours >= 10,
    });
    emit({
      name: `@smithy/signature-v4 / sign, ${short}`,
      value: smithy / ours,
      unit: '×',
      ratio: `${fmt(smithy, 1)} µs smithy`,
      goal: '≥ 3×',
      met: smithy / ours >= 3,
    });
    emit({
      name: `sign / node:crypto floor, ${short}`,
      value: ours / floor,
      unit: '×',
      ratio: `${fmt(floor, 2)} µs floor`,
      goal: '≤ 1.5×',
      met: ours / floor <= 1.5,
    });
    checks.push(
      `${bodyName}: official/sign = ${fmt(official / ours)}× (target ≥ 10), smithy/sign = ${fmt(smithy / ours)}× (target ≥ 3), sign/floor = ${fmt(ours / floor)}× (target ≤ 1.5; ${fmt(ours / padFloor)}× the pad-block floor)`,
    );
  }
  console.log(checks.join('\n'));
  emit({
    name: 'browser client API min+gz',
    value: client.gzip,
    unit: 'B',
    goal: '≤ 3,072 B',
    met: client.gzip <= 3072,
  });
  emit({
    name: 'browser whole entry min+gz',
    value: whole.gzip,
    unit: 'B',
    goal: '≤ 3,072 B',
    met: whole.gzip <= 3072,
  });
  emit({ name: 'browser /presign entry min+gz', value: presign.gzip, unit: 'B' });
  emit({ name: 'browser /verify entry min+gz', value: verify.gzip, unit: 'B' });
  const size = ({ min, gzip }: { min: number; gzip: number }) =>
    `${fmt(min, 0)} B min, ${fmt(gzip, 0)} B min+gz`;
  console.log(
    `\nbrowser build (dist/ via the export map; esbuild --bundle --minify --format=esm, gzip -9; main entry target ≤ 3 KiB = 3,072 B):\n` +
      `  @volc-openapi/signer, whole entry (every export, incl. createSigner): ${size(whole)}\n` +
      `  @volc-openapi/signer, client API (sign, signRequest, createSigningMiddleware, SignerError; tree-shaken): ${size(client)}\n` +
      `  @volc-openapi/signer/presign, whole entry: ${size(presign)}\n` +
      `  @volc-openapi/signer/verify, whole entry: ${size(verify)}`,
  );
}
