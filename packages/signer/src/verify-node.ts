/** @volc-openapi/signer/verify — Node build: server-side signature checks hashed with `node:crypto`. */

import { ctx } from './context-node.ts';
import type { VerifyFunction, VerifyRequestFunction } from './core/types.ts';
import * as core from './core/verify.ts';

export * from './verify-exports.ts';

/** Checks a signed Request (Authorization header or presigned URL) without consuming its body. */
export const verifyRequest: VerifyRequestFunction = /* @__PURE__ */ core.verifyRequest(ctx);
/** Checks a received request given as its method, URL, headers and bytes, as a server framework hands them over. */
export const verify: VerifyFunction = /* @__PURE__ */ core.verify(ctx);
