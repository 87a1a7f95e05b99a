import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMockServer } from '../src/index.ts';
import { call, postJson, realSpec, start } from './helpers.ts';

const DELETE = '/?Action=OpenDeleteResource&Version=2022-01-01';
const LIST = '/?Action=QueryOpenGetResource&Version=2022-01-01';
const USABLE = '/?Action=QueryUsableResourceV2&Version=2022-01-01';

const records = (answer: { json: Record<string, unknown> }) =>
  ((answer.json.Result as { Records: { ResourceKey: string }[] }).Records ?? []).map((r) => r.ResourceKey);

describe('state: deleted resources disappear from lists', () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await start(realSpec());
  });
  afterAll(() => server.close());

  it('removes a deleted key from QueryOpenGetResource and QueryUsableResourceV2', async () => {
    const listKey = 'e6eaa926a2ed41df8f52d63c046b7d78';
    const usableKey = '3f2a9c0d1b7e4c6a8d5f0e1b2c3d4e5f';
    expect(records(await call(server, LIST, postJson({ Type: 0 })))).toEqual([listKey]);
    expect(records(await call(server, `${USABLE}&Type=1`))).toEqual([usableKey]);

    const deleted = await call(server, DELETE, postJson({ ResourceKey: listKey }));
    expect(deleted.json.Result).toEqual({ ResourceKey: listKey });

    const after = await call(server, LIST, postJson({ Type: 0 }));
    expect(records(after)).toEqual([]);
    expect((after.json.Result as { Total: number }).Total).toBe(0);
    expect(records(await call(server, `${USABLE}&Type=1`))).toEqual([usableKey]);

    await call(server, DELETE, postJson({ ResourceKey: usableKey }));
    expect(records(await call(server, `${USABLE}&Type=1`))).toEqual([]);
  });

  it('echoes the deleted key and forgets everything on DELETE /__mock/state', async () => {
    const echoed = await call(server, DELETE, postJson({ ResourceKey: 'some-other-key' }));
    expect(echoed.json.Result).toEqual({ ResourceKey: 'some-other-key' });
    const state = await (await fetch(`${server.url}/__mock/state`)).json();
    expect(state.deleted.ResourceKey).toContain('some-other-key');
    await fetch(`${server.url}/__mock/state`, { method: 'DELETE' });
    expect(records(await call(server, LIST, postJson({ Type: 0 })))).toHaveLength(1);
  });

  it('does not record a delete that failed validation', async () => {
    await fetch(`${server.url}/__mock/state`, { method: 'DELETE' });
    await call(server, DELETE, postJson({ ResourceKey: 'e6eaa926a2ed41df8f52d63c046b7d78', Extra: 1 }));
    expect(records(await call(server, LIST, postJson({ Type: 0 })))).toHaveLength(1);
  });
});
