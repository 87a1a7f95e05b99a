// Shared by the runtime tests: the mock VMS server started on the test spec, a client factory with
// injectable clock/sleep, and the mock's request log.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MOCK_CREDENTIALS, type RecordedRequest, startMockServer } from '@volc-openapi/mock-server';
import { signRequest } from '@volc-openapi/signer';
import { type CallOptions, createRpcService, type RpcClientOptions, type RpcResult } from '../src/node.ts';
import { operations, spec } from './spec.ts';

export { MOCK_CREDENTIALS };
export type Mock = Awaited<ReturnType<typeof startMockServer>>;
export type OperationId = keyof typeof operations;

export const startMock = (options: { now?: () => Date } = {}) => startMockServer({ spec, ...options });

const stsSpec = () =>
  JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@volc-openapi/sts-spec/openapi.json'), 'utf8'),
  );

/** The test API and STS on one mock, whose STS issues temporary keys the test API accepts. */
export const startMockWithSts = () => startMockServer({ spec, specs: [stsSpec()] });

/** Temporary keys with their session token, from the mock's STS AssumeRole. */
export async function temporaryKeys(mock: Mock) {
  const request = await signRequest(
    new Request(
      `${mock.url}/?Action=AssumeRole&Version=2018-01-01&RoleTrn=trn:iam::1:role/test&RoleSessionName=test`,
    ),
    { credentials: MOCK_CREDENTIALS, region: 'cn-beijing', service: 'sts' },
  );
  const answer = (await (await fetch(request)).json()) as {
    Result: { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } };
  };
  const { AccessKeyId, SecretAccessKey, SessionToken } = answer.Result.Credentials;
  return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken };
}

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
