export { createSigner } from './core/create.ts';
export type { Awaitable, CryptoProvider } from './core/crypto.ts';
export { SignerError, type SignerErrorCode } from './core/errors.ts';
export type {
  CreateSigningMiddlewareFunction,
  Credentials,
  CredentialsSource,
  HeaderInput,
  RequestParts,
  Signer,
  SignFunction,
  SigningHeaders,
  SigningMiddleware,
  SigningMiddlewareOptions,
  SignOptions,
  SignRequestFunction,
} from './core/types.ts';
