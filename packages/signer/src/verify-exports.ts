/** What both builds of `@volc-openapi/signer/verify` export besides their bound functions. */
export type {
  ReceivedHeaders,
  ReceivedRequest,
  VerifyFailureReason,
  VerifyFunction,
  VerifyOptions,
  VerifyRequestFunction,
  VerifyResult,
} from './core/types.ts';
export { createVerify, createVerifyRequest } from './core/verify.ts';
