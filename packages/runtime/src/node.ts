/**
 * @volc-openapi/runtime — Node entry (also `@volc-openapi/runtime/node`): the shared API, plus
 * credentials from the environment and from `~/.volc/config`, which clients use when given none, and
 * node:http(s) with keep-alive as the default send (global fetch costs several times its CPU per call).
 */
import { clientFactory } from './create-client.ts';
import { chainCredentials } from './credentials.ts';
import { fromEnv, fromSharedConfig } from './node-credentials.ts';
import { nodeSend } from './node-send.ts';

export * from './exports.ts';
export { fromEnv, fromSharedConfig, type SharedConfigOptions } from './node-credentials.ts';

/** The default chain in Node: environment variables, then `~/.volc/config`. */
export const defaultCredentials = /* @__PURE__ */ chainCredentials(fromEnv(), fromSharedConfig());

/** Creates an openapi-fetch client for an Action/Version API, signed and retried by the runtime. */
export const createRpcClient = /* @__PURE__ */ clientFactory(defaultCredentials, nodeSend);
