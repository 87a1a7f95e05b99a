import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMockServer } from '../src/index.ts';
import { call, formSpec, metadata, REQUEST_ID, realSpec, specOperations, start } from './helpers.ts';

describe.each([
  ['the real VMS spec', realSpec],
  ['the form/multipart/query fixture', formSpec],
])('success answers for every operation of %s', (_name, load) => {
  const document = load();
  const operations = specOperations(document);
  let server: RunningMockServer;
  beforeAll(async () => {
    // Without the state rules every answer is exactly the documented example.
    server = await start(document, { state: false });
  });
  afterAll(() => server.close());

  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations.map((operation) => [operation.pathKey, operation] as const))(
    '%s',
    async (_key, operation) => {
      const first = await call(server, operation.path, operation.init);
      expect(first.status, first.text).toBe(200);
      expect(first.headers.get('content-type')).toMatch(/^application\/json/);
      expect(first.headers.get('date')).toBeTruthy();

      const expected = structuredClone(operation.successExample);
      const meta = metadata(first);
      expect(meta).toMatchObject({
        Action: operation.action,
        Version: operation.version,
        Service: 'vms',
        Region: 'cn-beijing',
      });
      expect(meta.RequestId).toMatch(REQUEST_ID);
      expect(meta.RequestId).not.toBe((expected.ResponseMetadata as { RequestId: string }).RequestId);
      expect(first.headers.get('x-tt-logid')).toBe(meta.RequestId);
      expect(first.json.Result).toEqual(expected.Result);

      const second = await call(server, operation.path, operation.init);
      expect(metadata(second).RequestId).not.toBe(meta.RequestId);
    },
  );
});
