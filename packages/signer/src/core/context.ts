import { canonicalHost, canonicalQuery } from './canonical.ts';
import type { CryptoProvider } from './crypto.ts';
import { createKeyCache, type ScopedKey } from './key-cache.ts';
import { checkUrl } from './validate.ts';

/** What the canonical request needs from a URL. */
export interface UrlParts {
  host: string;
  path: string;
  query: string;
}

/** Host (without :80/:443), path and canonical query of an absolute http(s) URL. */
export const urlParts = (url: string | URL): UrlParts => {
  const { host, pathname, search, searchParams } = checkUrl(url);
  return { host: canonicalHost(host), path: pathname, query: search ? canonicalQuery(searchParams) : '' };
};

/** One hash implementation plus its caches. */
export interface Context<Key = unknown> {
  crypto: CryptoProvider<Key>;
  key: (secret: string, date: string, region: string, service: string) => ScopedKey<Key>;
  url: (url: string | URL) => UrlParts;
}

export const createContext = <Key>(
  crypto: CryptoProvider<Key>,
  url: (url: string | URL) => UrlParts = urlParts,
): Context<Key> => ({
  crypto,
  key: createKeyCache(crypto),
  url,
});
