import { createContext } from './context.ts';
import type { CryptoProvider } from './crypto.ts';
import { createSigningMiddleware, sign, signRequest } from './sign.ts';
import type { Signer } from './types.ts';

/**
 * The main entry's API bound to a custom hash implementation (for runtimes the two builds do not cover);
 * `createPresignUrl` and `createVerifyRequest` do the same for the subpath entries.
 */
export const createSigner = <Key>(crypto: CryptoProvider<Key>): Signer => {
  const ctx = createContext(crypto);
  return {
    sign: sign(ctx),
    signRequest: signRequest(ctx),
    createSigningMiddleware: createSigningMiddleware(ctx),
  };
};
