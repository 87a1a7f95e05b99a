// One mock on loopback serving VMS and STS, on a clock the tests move, shared with the clients.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  MOCK_CREDENTIALS,
  type RecordedRequest,
  type RunningMockServer,
  startMockServer,
} from '@volc-openapi/mock-server';
import { createVmsClient, type VmsClient } from '@volc-openapi/vms';
import type { CredentialsInput } from '../src/index.ts';

const require = createRequire(import.meta.url);
const spec = (name: string) =>
  JSON.parse(readFileSync(require.resolve(`@volc-openapi/${name}-spec/openapi.json`), 'utf8'));

export { MOCK_CREDENTIALS };
export const ROLE = 'trn:iam::2000012345:role/ci-deployer';

export interface Harness {
  server: RunningMockServer;
  /** The clock of the mock and of every client and provider made here, in ms. */
  now: () => number;
  advance(ms: number): void;
  /** A VMS client with these credentials, on the harness clock, pointed at the mock. */
  vms(credentials: CredentialsInput): VmsClient;
  /** Options for the STS client of a provider: the mock's endpoint. */
  sts: { endpoint: string };
  /** Requests the mock received for one Action, oldest first. */
  received(action: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  let time = Date.now();
  const now = () => time;
  const server = await startMockServer({ specs: [spec('vms'), spec('sts')], now: () => new Date(time) });
  return {
    server,
    now,
    advance: (ms) => {
      time += ms;
    },
    vms: (credentials) => createVmsClient({ endpoint: server.url, credentials, now, retry: false }),
    sts: { endpoint: server.url },
    received: (action) => server.mock.requests.list().filter((request) => request.action === action),
    close: () => server.close(),
  };
}

/** The access key id a logged request was signed with. */
export const signedWith = (request: RecordedRequest | undefined) =>
  /Credential=([^/]+)\//.exec(request?.headers.authorization ?? '')?.[1];
