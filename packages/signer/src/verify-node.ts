/** @volc-openapi/signer/verify — Node build: server-side signature checks hashed with `node:crypto`. */

import { ctx } from './context-node.ts';
import * as core from './core/verify.ts';

export type {
  VerifyFailureReason,
  VerifyOptions,
  VerifyRequestFunction,
  VerifyResult,
} from './core/types.ts';
export { createVerifyRequest } from './core/verify.ts';

/** Checks a signed Request (Authorization header or presigned URL) without consuming its body. */
export const verifyRequest = /* @__PURE__ */ core.verifyRequest(ctx);
