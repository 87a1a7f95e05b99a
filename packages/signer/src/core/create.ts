import { createContext } from './context.ts';
import type { CryptoProvider } from './crypto.ts';
import { createSigningMiddleware, presignUrl, sign, signRequest } from './sign.ts';
import type { Signer } from './types.ts';
import { verifyRequest } from './verify.ts';

/** The whole API bound to a custom hash implementation (for runtimes the two entries do not cover). */
export const createSigner = <Key>(crypto: CryptoProvider<Key>): Signer => {
  const ctx = createContext(crypto);
  return {
    sign: (parts, options) => sign(ctx, parts, options),
    signRequest: (request, options) => signRequest(ctx, request, options),
    presignUrl: (parts, options) => presignUrl(ctx, parts, options),
    verifyRequest: (request, options) => verifyRequest(ctx, request, options),
    createSigningMiddleware: (options) => createSigningMiddleware(ctx, options),
  };
};
