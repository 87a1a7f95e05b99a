import { type Context, createContext } from './core/context.ts';
import { webCryptoProvider } from './crypto-web.ts';

/** The context every browser / worker / edge entry binds to (one key cache): Web Crypto, no URL cache. */
export const ctx: Context<CryptoKey> = /* @__PURE__ */ createContext(webCryptoProvider);
