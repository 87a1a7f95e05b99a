import { createRpcClient } from '@volc-openapi/runtime';
import type { Credentials } from '@volc-openapi/signer';
import type { Client } from 'openapi-fetch';
import { bindOperations, serviceInfo, type VmsOperations } from './generated/facade.ts';
import type { paths } from './generated/schema.ts';

export interface VmsClientOptions {
  /** An AccessKey pair, or a function returning one for every request (rotating or STS keys). */
  credentials: Credentials | (() => Credentials | Promise<Credentials>);
  /** Signing region; defaults to the spec's (`cn-beijing`). */
  region?: string;
  /** Base URL; defaults to the spec's server, `https://cloud-vms.volcengineapi.com`. */
  endpoint?: string;
  /** A fetch implementation to use instead of the global one. */
  fetch?: (input: Request) => Promise<Response>;
}

/** The VMS client: one method per Action, plus the raw openapi-fetch client as `raw`. */
export type VmsClient = VmsOperations & { readonly raw: Client<paths> };

/**
 * Creates a signed, typed VMS client. Each method is named exactly as its Action, takes that Action's
 * parameters, and resolves to `{ data, error, response }`; `error` is also set when an HTTP 200 answer
 * carries `ResponseMetadata.Error`.
 */
export function createVmsClient(options: VmsClientOptions): VmsClient {
  const raw = createRpcClient<paths>({
    endpoint: options.endpoint ?? serviceInfo.endpoint,
    region: options.region ?? serviceInfo.region,
    service: serviceInfo.service,
    credentials: options.credentials,
    fetch: options.fetch,
  });
  return { ...bindOperations(raw), raw };
}

export type { CallOptions, RpcErrorBody, RpcErrorDetail, RpcResult } from '@volc-openapi/runtime';
export * from './generated/facade.ts';
export type { components, operations, paths } from './generated/schema.ts';
