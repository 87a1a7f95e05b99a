/** @volc-openapi/signer — Browser / worker / edge entry: hashes with Web Crypto (`crypto.subtle`), no `node:` imports. */

import { createContext } from './core/context.ts';
import * as core from './core/sign.ts';
import type {
  CreateSigningMiddlewareFunction,
  PresignUrlFunction,
  SignFunction,
  SignRequestFunction,
  VerifyRequestFunction,
} from './core/types.ts';
import { verifyRequest as verify } from './core/verify.ts';
import { webCryptoProvider } from './crypto-web.ts';

export * from './exports.ts';
export { webCryptoProvider };

const ctx = /* @__PURE__ */ createContext(webCryptoProvider);

/** Signs a request; resolves to the headers to add: X-Date, X-Content-Sha256, X-Security-Token (with a session token), Authorization. */
export const sign: SignFunction = (parts, options) => core.sign(ctx, parts, options);
/** A new Request with the signing headers added; the body is read once from a clone, or not at all when X-Content-Sha256 is already set. */
export const signRequest: SignRequestFunction = (request, options) => core.signRequest(ctx, request, options);
/** A URL signed in its query string (X-Algorithm, X-Credential, X-Date, X-Expires, X-SignedHeaders, X-Signature). */
export const presignUrl: PresignUrlFunction = (parts, options) => core.presignUrl(ctx, parts, options);
/** Checks a signed Request (Authorization header or presigned URL) without consuming its body. */
export const verifyRequest: VerifyRequestFunction = (request, options) => verify(ctx, request, options);
/** An openapi-fetch middleware that signs every outgoing request. */
export const createSigningMiddleware: CreateSigningMiddlewareFunction = (options) =>
  core.createSigningMiddleware(ctx, options);
