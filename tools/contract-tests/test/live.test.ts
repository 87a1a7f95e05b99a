// Live contract mode, exercised without a network: its runner against the mock, and its command
// without credentials.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MOCK_CREDENTIALS, startMockServer } from '@volc-openapi/mock-server';
import { findService } from '@volc-openapi/spec-model';
import { SpecSchemas } from '@volc-openapi/spec-model/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractService } from '../src/cases.ts';
import { formatLive, liveCases, runLive } from '../src/live.ts';

// Live mode is the same for every service; VMS, the largest, stands for all of them here.
const service = await contractService(findService('vms'));
const { spec, cases } = service;
const schemas = new SpecSchemas(spec);
let mock: Awaited<ReturnType<typeof startMockServer>>;

beforeAll(async () => {
  mock = await startMockServer({ spec });
});
afterAll(async () => {
  await mock?.close();
});

describe('live contract mode', () => {
  it('sends only the operations the spec marks idempotent', () => {
    const chosen = liveCases(cases);
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.every((testCase) => testCase.idempotent)).toBe(true);
    expect(chosen.length).toBeLessThan(cases.length);
  });

  it('checks every answer of an endpoint against the spec (here: the mock)', async () => {
    const sent: string[] = [];
    const results = await runLive({
      service,
      cases,
      spec,
      schemas,
      endpoint: mock.url,
      credentials: MOCK_CREDENTIALS,
      fetch: (request) => {
        sent.push(new URL(request.url).searchParams.get('Action') ?? '');
        return fetch(request);
      },
    });
    expect(results.map((r) => r.operationId)).toEqual(liveCases(cases).map((c) => c.operationId));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(sent).toEqual(liveCases(cases).map((c) => c.action));
    expect(formatLive(results)).toContain(`${results.length} passed, 0 failed`);
  });

  it('reports documented errors as conforming and undocumented answers as failures', async () => {
    const [first] = liveCases(cases);
    if (!first) throw new Error('no read-only case');
    const answers: Record<string, Response> = {
      documented: new Response(
        JSON.stringify({
          ResponseMetadata: {
            RequestId: 'r',
            Action: first.action,
            Version: first.version,
            Error: { Code: 'InternalError', CodeN: 100014, Message: 'x' },
          },
        }),
        { status: 500, headers: { 'content-type': 'application/json' } },
      ),
      teapot: new Response('{"ResponseMetadata":{"RequestId":"r","Error":{"Code":"X","Message":"y"}}}', {
        status: 418,
      }),
      html: new Response('<html></html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    };
    for (const [name, answer] of Object.entries(answers)) {
      const [result] = await runLive({
        service,
        cases: [first],
        spec,
        schemas,
        endpoint: 'https://vms.live.test',
        credentials: MOCK_CREDENTIALS,
        fetch: async () => answer.clone(),
      });
      expect(result?.ok, `${name}: ${result?.problem}`).toBe(name === 'documented');
    }
  });

  it('refuses to run without credentials and says so', () => {
    const cli = fileURLToPath(new URL('../src/live-cli.ts', import.meta.url));
    const env = { ...process.env };
    delete env.VOLC_ACCESSKEY;
    delete env.VOLC_SECRETKEY;
    const run = spawnSync(process.execPath, [cli], { env, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no credentials');
    expect(run.stderr).toContain('VOLC_ACCESSKEY');
  });
});
