// The mock VMS server on the bundled spec, and a client of it whose backoff waits are recorded, not slept.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MOCK_CREDENTIALS, type RecordedRequest, startMockServer } from '@volc-openapi/mock-server';
import { createVmsClient, type VmsClientOptions } from '../src/generated/index.ts';

export const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@volc-openapi/vms-spec/openapi.json'), 'utf8'),
) as {
  paths: Record<string, Record<string, { operationId: string; deprecated?: boolean; summary?: string }>>;
};

export type Mock = Awaited<ReturnType<typeof startMockServer>>;
export const startMock = () => startMockServer({ spec });

export function vmsClient(mock: Mock, options: VmsClientOptions = {}) {
  const waits: number[] = [];
  const vms = createVmsClient({
    credentials: MOCK_CREDENTIALS,
    endpoint: mock.url,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { vms, waits };
}

export async function received(mock: Mock): Promise<RecordedRequest[]> {
  const { requests } = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as {
    requests: RecordedRequest[];
  };
  await fetch(`${mock.url}/__mock/requests`, { method: 'DELETE' });
  return requests;
}
