import { credentialScope } from './canonical.ts';
import type { Awaitable, CryptoProvider } from './crypto.ts';

/** A derived signing key with the credential scope it belongs to. */
export interface ScopedKey<Key> {
  scope: string;
  key: Awaitable<Key>;
}

/**
 * Derived signing keys, at most `limit` of them, oldest evicted first. A key changes once a day per
 * (secret, region, service), so a handful of entries covers a process. The map lives in this closure and
 * is never exposed, so the secrets inside its keys cannot reach a log through the package's objects.
 */
export const createKeyCache = <Key>(crypto: CryptoProvider<Key>, limit = 32) => {
  const entries = new Map<string, ScopedKey<Key>>();
  // The last hit, compared field by field: the common case of one key signing many requests skips the map.
  let last: [string, string, string, string, ScopedKey<Key>] | undefined;
  return (secret: string, date: string, region: string, service: string): ScopedKey<Key> => {
    if (last && last[0] === secret && last[1] === date && last[2] === region && last[3] === service)
      return last[4];
    // date is 8 digits and region/service cannot hold "\n", so this string identifies the tuple.
    const id = `${date}${region}\n${service}\n${secret}`;
    let entry = entries.get(id);
    if (!entry) {
      if (entries.size >= limit) entries.delete(entries.keys().next().value as string);
      entry = {
        scope: credentialScope(date, region, service),
        key: crypto.signingKey(secret, date, region, service),
      };
      entries.set(id, entry);
    }
    last = [secret, date, region, service, entry];
    return entry;
  };
};
