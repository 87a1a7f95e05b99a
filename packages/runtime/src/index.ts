/**
 * @volc-openapi/runtime — browser, worker and edge entry (no `node:` imports). Without explicit
 * `credentials` a client fails with a `CredentialsError`; Node resolves this package to `node.ts`,
 * which adds the environment and `~/.volc/config` providers.
 */
import { clientFactory } from './create-client.ts';

export * from './exports.ts';

/** Creates an openapi-fetch client for an Action/Version API, signed and retried by the runtime. */
export const createRpcClient = /* @__PURE__ */ clientFactory(undefined);
