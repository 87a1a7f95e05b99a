import { type Credentials, createSigningMiddleware } from '@volc-openapi/signer';
import createClient, { type Client } from 'openapi-fetch';
import { rpcQueryJoin } from './query-join.ts';

export interface RpcClientOptions {
  /** Base URL of the service, e.g. `https://cloud-vms.volcengineapi.com`. */
  endpoint: string;
  /** An AccessKey pair, or a function returning one (called for every request, so keys can rotate). */
  credentials: Credentials | (() => Credentials | Promise<Credentials>);
  /** Signing region, e.g. `cn-beijing`. */
  region: string;
  /** Signing service name, e.g. `vms`. */
  service: string;
  /** A fetch implementation to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: (input: Request) => Promise<Response>;
}

/**
 * An openapi-fetch client for an Action/Version API: GET parameters join the path key's query, and
 * every request is signed last, over the final URL and body.
 */
export function createRpcClient<Paths extends object>(options: RpcClientOptions): Client<Paths> {
  const client = createClient<Paths>({ baseUrl: options.endpoint, fetch: options.fetch });
  client.use(
    rpcQueryJoin,
    createSigningMiddleware({
      credentials: options.credentials,
      region: options.region,
      service: options.service,
    }),
  );
  return client;
}
