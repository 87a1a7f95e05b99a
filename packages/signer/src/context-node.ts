import { createContext } from './core/context.ts';
import { nodeCryptoProvider } from './crypto-node.ts';
import { cachedUrlParts } from './url-cache.ts';

/** The context every Node entry binds to (one key cache): synchronous `node:crypto` plus the URL cache. */
export const ctx = /* @__PURE__ */ createContext(nodeCryptoProvider, cachedUrlParts());
