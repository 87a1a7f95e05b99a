// The services under contract test, from the registry: each one's bundled spec, its generated contract
// cases, its signing scope and its generated client's factory; and calling one operation of a client.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractCase } from '@volc-openapi/codegen';
import type { RpcClientOptions } from '@volc-openapi/runtime';
import {
  type JsonObject,
  loadService,
  REPO_ROOT,
  readRegistry,
  type ServiceEntry,
  type Signing,
} from '@volc-openapi/spec-model';

/** Where `pnpm generate` writes a service's contract cases. */
export const casesUrl = (name: string): URL => new URL(`../generated/${name}/cases.json`, import.meta.url);

/** What every facade method resolves to, whatever its operation. */
export interface CallResult {
  data?: unknown;
  error?: {
    ResponseMetadata: { RequestId?: string; Error: { Code: string; CodeN?: number; Message: string } };
  };
  response: Response;
}

type Call = (input: unknown) => Promise<CallResult>;
type Client = Record<string, unknown>;

export interface ContractService {
  entry: ServiceEntry;
  spec: JsonObject;
  signing: Signing;
  cases: ContractCase[];
  /** The service's generated client (its package's `create<Name>Client`). */
  createClient(options: Partial<RpcClientOptions>): Client;
}

/** One service's spec, cases and client; throws with the command to run when something is not built. */
export async function contractService(entry: ServiceEntry): Promise<ContractService> {
  const service = loadService(join(REPO_ROOT, entry.bundle));
  const url = casesUrl(entry.name);
  if (!existsSync(url)) throw new Error(`no contract cases for ${entry.name}: run pnpm generate first`);
  const client = (await import(entry.clientPackage)) as Record<string, unknown>;
  const factory = client[entry.factory];
  if (typeof factory !== 'function') throw new Error(`${entry.clientPackage} exports no ${entry.factory}`);
  return {
    entry,
    spec: service.document,
    signing: service.signing,
    cases: JSON.parse(readFileSync(url, 'utf8')) as ContractCase[],
    createClient: factory as ContractService['createClient'],
  };
}

/** Every registry service, ready for its contract tests. */
export const contractServices = async (): Promise<ContractService[]> =>
  Promise.all(readRegistry().map(contractService));

/** The facade method of an operation, looked up by its operationId. */
export function operation(client: object, operationId: string): Call {
  const method = (client as Record<string, Call | undefined>)[operationId];
  if (typeof method !== 'function') throw new Error(`The client has no method ${operationId}`);
  return method;
}
