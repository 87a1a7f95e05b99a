export { createSigner } from './core/create.ts';
export type { Awaitable, CryptoProvider } from './core/crypto.ts';
export { SignerError, type SignerErrorCode } from './core/errors.ts';
export type {
  CreateSigningMiddlewareFunction,
  Credentials,
  CredentialsSource,
  HeaderInput,
  PresignOptions,
  PresignParts,
  PresignUrlFunction,
  RequestParts,
  Signer,
  SignFunction,
  SigningHeaders,
  SigningMiddleware,
  SigningMiddlewareOptions,
  SignOptions,
  SignRequestFunction,
  VerifyFailureReason,
  VerifyOptions,
  VerifyRequestFunction,
  VerifyResult,
} from './core/types.ts';
