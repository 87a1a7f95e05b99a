// Shared by the runtime tests: the mock VMS server started on the test spec, a client factory with
// injectable clock/sleep, and the mock's request log.
import { MOCK_CREDENTIALS, type RecordedRequest, startMockServer } from '@volc-openapi/mock-server';
import { type CallOptions, createRpcService, type RpcClientOptions, type RpcResult } from '../src/node.ts';
import { operations, spec } from './spec.ts';

export { MOCK_CREDENTIALS };
export type Mock = Awaited<ReturnType<typeof startMockServer>>;
export type OperationId = keyof typeof operations;

export const startMock = (options: { now?: () => Date } = {}) => startMockServer({ spec, ...options });

/** A client of the test API against `mock`; waits are recorded and skipped unless a sleep is given. */
export function testClient(mock: Mock, options: Partial<RpcClientOptions> = {}) {
  const waits: number[] = [];
  const service = createRpcService<object>({
    endpoint: mock.url,
    region: 'cn-beijing',
    service: 'vms',
    credentials: MOCK_CREDENTIALS,
    operations,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  const call = <T = { Result: Record<string, unknown> }>(
    id: OperationId,
    input?: object,
    callOptions?: CallOptions,
  ) => service.call<T>(operations[id], input, callOptions) as Promise<RpcResult<T>>;
  return { client: service.raw, service, call, waits };
}

/** What the mock received, oldest first; clears its log. */
export async function received(mock: Mock): Promise<RecordedRequest[]> {
  const { requests } = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as {
    requests: RecordedRequest[];
  };
  await fetch(`${mock.url}/__mock/requests`, { method: 'DELETE' });
  return requests;
}

/** Queues a scenario on the mock (admin endpoint). */
export async function scenario(mock: Mock, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${mock.url}/__mock/scenarios`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`scenario refused: ${await response.text()}`);
}

export async function clearScenarios(mock: Mock): Promise<void> {
  await fetch(`${mock.url}/__mock/scenarios`, { method: 'DELETE' });
  await received(mock);
}
