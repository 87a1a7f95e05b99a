/** A value that is ready now (Node) or later (Web Crypto). */
export type Awaitable<T> = T | Promise<T>;

/**
 * The hash primitives the signer needs. Node supplies synchronous `node:crypto` versions, browsers and
 * edge runtimes asynchronous Web Crypto ones; the signing logic is shared and never awaits a value that
 * is already there.
 */
export interface CryptoProvider<Key> {
  /** Lowercase hex SHA-256; strings are hashed as UTF-8. */
  sha256Hex(data: string | Uint8Array): Awaitable<string>;
  /** kSigning = HMAC(HMAC(HMAC(HMAC(secret, date), region), service), "request"). */
  signingKey(secret: string, date: string, region: string, service: string): Awaitable<Key>;
  /** Lowercase hex HMAC-SHA256 under a derived key. `data` is always ASCII: it is the string to sign. */
  hmacHex(key: Key, data: string): Awaitable<string>;
}
