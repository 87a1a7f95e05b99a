import { createRpcClient, type RpcClientOptions } from '@volc-openapi/runtime';
import type { Client } from 'openapi-fetch';
import {
  bindOperations,
  bindPaginators,
  operationMeta,
  serviceInfo,
  type VmsOperations,
  type VmsPaginators,
} from './generated/facade.ts';
import type { paths } from './generated/schema.ts';

/**
 * Options of {@link createVmsClient}: those of the runtime's `createRpcClient` (credentials, retry,
 * timeouts, logging, fetch), with endpoint and region defaulting to the spec's.
 */
export interface VmsClientOptions extends Partial<Omit<RpcClientOptions, 'service' | 'operations'>> {}

/**
 * The VMS client: one method per Action, `paginate.<Action>` for the paged ones, and the raw
 * openapi-fetch client as `raw` (signed and retried the same way).
 */
export type VmsClient = VmsOperations & { readonly raw: Client<paths>; readonly paginate: VmsPaginators };

/**
 * Creates a signed, typed VMS client. Each method is named exactly as its Action, takes that Action's
 * parameters, and resolves to `{ data, error, response, requestId }`; `error` (an `RpcError`) is set
 * for every answer that is not a success, including HTTP 200 answers carrying `ResponseMetadata.Error`.
 * Network failures, timeouts and aborts are thrown as `RpcError` (kind `network`, `timeout`, `aborted`).
 * Without `credentials`, Node reads VOLC_ACCESSKEY/VOLC_SECRETKEY, then ~/.volc/config.
 */
export function createVmsClient(options: VmsClientOptions = {}): VmsClient {
  const raw = createRpcClient<paths>({
    ...options,
    endpoint: options.endpoint ?? serviceInfo.endpoint,
    region: options.region ?? serviceInfo.region,
    service: serviceInfo.service,
    operations: operationMeta,
  });
  const methods = bindOperations(raw);
  return { ...methods, raw, paginate: bindPaginators(methods) };
}

export {
  type CallOptions,
  CredentialsError,
  type CredentialsProvider,
  cachedCredentials,
  chainCredentials,
  createLogger,
  isRpcError,
  type Logger,
  type LogLevel,
  type Paginator,
  type ProvidedCredentials,
  type RetryContext,
  type RetryOptions,
  RpcError,
  type RpcErrorBody,
  type RpcErrorDetail,
  type RpcErrorKind,
  type RpcResult,
} from '@volc-openapi/runtime';
export * from './generated/facade.ts';
export type { components, operations, paths } from './generated/schema.ts';
