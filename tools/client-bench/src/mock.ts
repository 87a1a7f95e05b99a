// Child process of the benchmark, so servers do not share the event loop (or CPU time) with the
// clients being measured. It serves two targets and prints their URLs as one JSON line:
// - `mock`: the mock VMS server on the bundled spec (signature check, validation, example answers);
// - `canned`: a bare node:http server answering every request with the same success envelope, so
//   that the clients' own cost, not the mock's milliseconds of verification, decides the numbers.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { startMockServer } from '@volc-openapi/mock-server';

const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@volc-openapi/vms-spec/openapi.json'), 'utf8'),
);
// Stateless and with a short request log: each answer costs the same however long the run.
const mock = await startMockServer({ spec, state: false, requestLogSize: 1 });

const answer = JSON.stringify({
  ResponseMetadata: {
    RequestId: '20250528113938147077135030598F48',
    Action: 'QueryOpenGetResource',
    Version: '2022-01-01',
    Service: 'vms',
    Region: 'cn-beijing',
  },
  Result: { Records: [], Total: 0, Offset: 0, Limit: 10 },
});
const canned = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res
      .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) })
      .end(answer);
  });
});
await new Promise<void>((resolve) => canned.listen(0, '127.0.0.1', resolve));

const cannedUrl = `http://127.0.0.1:${(canned.address() as AddressInfo).port}`;
process.stdout.write(`${JSON.stringify({ mock: mock.url, canned: cannedUrl })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  canned.closeAllConnections();
  canned.close();
  void mock.close().then(() => process.exit(0));
});
