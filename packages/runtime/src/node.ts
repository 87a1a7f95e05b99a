/**
 * @volc-openapi/runtime — Node entry (also `@volc-openapi/runtime/node`): the shared API, plus
 * credentials from the environment and from `~/.volc/config`, which clients use when given none, and
 * node:http(s) with keep-alive as the default send (global fetch costs several times its CPU per call).
 */
import { serviceFactory } from './create-client.ts';
import { chainCredentials } from './credentials.ts';
import { fromEnv, fromSharedConfig } from './node-credentials.ts';
import { nodeSend } from './node-send.ts';

export * from './exports.ts';

import type { RpcClientOptions, RpcService } from './create-client.ts';
import type { CredentialsProvider } from './credentials.ts';
import type { RawClient } from './raw-client.ts';

export { fromEnv, fromSharedConfig, type SharedConfigOptions } from './node-credentials.ts';

/** The default chain in Node: environment variables, then `~/.volc/config`. */
export const defaultCredentials: CredentialsProvider = /* @__PURE__ */ chainCredentials(
  fromEnv(),
  fromSharedConfig(),
);

/** Creates the raw client and the facade's call for an Action/Version API, signed and retried by the runtime. */
export const createRpcService: <Paths extends object>(options: RpcClientOptions) => RpcService<Paths> =
  /* @__PURE__ */ serviceFactory(defaultCredentials, nodeSend);

/** Creates an openapi-fetch client for an Action/Version API, signed and retried by the runtime. */
export const createRpcClient = <Paths extends object>(options: RpcClientOptions): RawClient<Paths> =>
  createRpcService<Paths>(options).raw;
