/**
 * @volc-openapi/runtime — browser, worker and edge entry (no `node:` imports). Without explicit
 * `credentials` a client fails with a `CredentialsError`; Node resolves this package to `node.ts`,
 * which adds the environment and `~/.volc/config` providers.
 */
import { serviceFactory } from './create-client.ts';

export * from './exports.ts';

import type { RpcClientOptions, RpcService } from './create-client.ts';
import type { RawClient } from './raw-client.ts';

/** Creates the raw client and the facade's call for an Action/Version API, signed and retried by the runtime. */
export const createRpcService: <Paths extends object>(options: RpcClientOptions) => RpcService<Paths> =
  /* @__PURE__ */ serviceFactory(undefined);

/** Creates an openapi-fetch client for an Action/Version API, signed and retried by the runtime. */
export const createRpcClient = <Paths extends object>(options: RpcClientOptions): RawClient<Paths> =>
  createRpcService<Paths>(options).raw;
