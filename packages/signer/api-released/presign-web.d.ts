/** A value that is ready now (Node) or later (Web Crypto). */
declare type Awaitable<T> = T | Promise<T>;

/** `presignUrl` bound to a custom hash implementation (for runtimes the two builds do not cover). */
export declare const createPresignUrl: <Key>(crypto: CryptoProvider<Key>) => PresignUrlFunction;

/** Long-term or temporary (STS) Volcengine credentials. */
declare interface Credentials {
    accessKeyId: string;
    secretAccessKey: string;
    /** STS session token; sent and signed as `X-Security-Token`. An empty string counts as absent. */
    sessionToken?: string;
}

/**
 * The hash primitives the signer needs. Node supplies synchronous `node:crypto` versions, browsers and
 * edge runtimes asynchronous Web Crypto ones; the signing logic is shared and never awaits a value that
 * is already there.
 */
declare interface CryptoProvider<Key> {
    /** Lowercase hex SHA-256; strings are hashed as UTF-8. */
    sha256Hex(data: string | Uint8Array): Awaitable<string>;
    /** kSigning = HMAC(HMAC(HMAC(HMAC(secret, date), region), service), "request"). */
    signingKey(secret: string, date: string, region: string, service: string): Awaitable<Key>;
    /** Lowercase hex HMAC-SHA256 under a derived key. `data` is always ASCII: it is the string to sign. */
    hmacHex(key: Key, data: string): Awaitable<string>;
}

/** Headers as a plain object (any case) or a Fetch `Headers`. */
declare type HeaderInput = Record<string, string> | Headers;

export declare interface PresignOptions extends SignOptions {
    /** Lifetime of the URL, whole seconds in 1..604800; default 900. */
    expiresInSeconds?: number;
}

export declare interface PresignParts {
    method: string;
    url: string | URL;
    headers?: HeaderInput;
    /** Hex SHA-256 of the body the URL will carry; defaults to the hash of an empty body. */
    bodySha256?: string;
}

/** A URL signed in its query string (X-Algorithm, X-Credential, X-Date, X-Expires, X-SignedHeaders, X-Signature). */
export declare const presignUrl: PresignUrlFunction;

export declare type PresignUrlFunction = (parts: PresignParts, options: PresignOptions) => Promise<string>;

/** Where a signature is valid: credential scope plus optional knobs. */
declare interface SignOptions {
    credentials: Credentials;
    /** Credential-scope region, e.g. `cn-beijing`. Grammar: `[A-Za-z0-9_-]{1,64}`. */
    region: string;
    /** Credential-scope service, e.g. `vms`. Grammar: `[A-Za-z0-9_-]{1,64}`. */
    service: string;
    /** Signing time; defaults to `new Date()`. */
    date?: Date;
    /**
     * Extra header names to sign when the request carries them (case-insensitive; absent ones are skipped).
     * `host`, `x-date`, `x-content-sha256`, `x-security-token` and a present `content-type` are always signed
     * by `sign`/`signRequest`; `presignUrl` signs only `host` plus these.
     */
    signHeaders?: string[];
}

export { }
