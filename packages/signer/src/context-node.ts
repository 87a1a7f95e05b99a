import { type Context, createContext } from './core/context.ts';
import { type NodeSigningKey, nodeCryptoProvider } from './crypto-node.ts';
import { cachedUrlParts } from './url-cache.ts';

/** The context every Node entry binds to (one key cache): synchronous `node:crypto` plus the URL cache. */
export const ctx: Context<NodeSigningKey> = /* @__PURE__ */ createContext(
  nodeCryptoProvider,
  cachedUrlParts(),
);
