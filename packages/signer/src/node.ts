/** @volc-openapi/signer — Node entry: hashes with synchronous `node:crypto`. */

import { ctx } from './context-node.ts';
import * as core from './core/sign.ts';
import type { CreateSigningMiddlewareFunction, SignFunction, SignRequestFunction } from './core/types.ts';

export { nodeCryptoProvider } from './crypto-node.ts';
export * from './exports.ts';

/** Signs a request; resolves to the headers to add: X-Date, X-Content-Sha256, X-Security-Token (with a session token), Authorization. */
export const sign: SignFunction = /* @__PURE__ */ core.sign(ctx);
/** A new Request with the signing headers added; the body is read once from a clone, or not at all when X-Content-Sha256 is already set. */
export const signRequest: SignRequestFunction = /* @__PURE__ */ core.signRequest(ctx);
/** An openapi-fetch middleware that signs every outgoing request. */
export const createSigningMiddleware: CreateSigningMiddlewareFunction =
  /* @__PURE__ */ core.createSigningMiddleware(ctx);
