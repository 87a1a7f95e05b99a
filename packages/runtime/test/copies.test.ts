// Two copies of the runtime in one program (as when two clients were bundled with their own): a
// facade binds through what `createRpcService` returns, never through module state, so a service made
// by one copy serves methods bound by the other.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, type Mock, received, startMock } from './helpers.ts';
import { operations } from './spec.ts';

type Runtime = typeof import('../src/node.ts');
const dist = new URL('../dist/node.js', import.meta.url).href;
const load = (copy: string) => import(/* @vite-ignore */ `${dist}?copy=${copy}`) as Promise<Runtime>;

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

it('binds methods from one copy to a service from another', async () => {
  const [first, second] = await Promise.all([load('first'), load('second')]);
  expect(first.createRpcService).not.toBe(second.createRpcService);
  const service = first.createRpcService<object>({
    endpoint: mock.url,
    region: 'cn-beijing',
    service: 'vms',
    credentials: MOCK_CREDENTIALS,
  });
  const methods = second.operationMethods<
    Record<string, (input?: object) => Promise<{ error?: unknown; data?: unknown }>>
  >(service.call, operations);
  const result = await methods.GetThing?.({ Type: 1 });
  expect(result?.error).toBeUndefined();
  expect((await received(mock)).map((request) => request.url)).toEqual([
    '/?Action=GetThing&Version=2022-01-01&Type=1',
  ]);
});
