/** A value that is ready now (Node) or later (Web Crypto). */
declare type Awaitable<T> = T | Promise<T>;

/** `verify` bound to a custom hash implementation. */
export declare const createVerify: <Key>(crypto: CryptoProvider<Key>) => VerifyFunction;

/** `verifyRequest` bound to a custom hash implementation (for runtimes the two builds do not cover). */
export declare const createVerifyRequest: <Key>(crypto: CryptoProvider<Key>) => VerifyRequestFunction;

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

/** Received headers: a `Headers`, or a record such as Node's `IncomingMessage.headers` (any case; repeats as arrays). */
export declare type ReceivedHeaders = Headers | Record<string, string | string[] | undefined>;

/** A received request as a server framework hands it over, without building a Fetch Request. */
export declare interface ReceivedRequest {
    method: string;
    /** The full URL it was sent to: `http://host/path?query`. */
    url: string | URL;
    headers: ReceivedHeaders;
    /** The received bytes (a string is hashed as UTF-8); absent or empty for no body. */
    body?: string | Uint8Array | undefined;
}

/** Checks a received request given as its method, URL, headers and bytes, as a server framework hands them over. */
export declare const verify: VerifyFunction;

export declare type VerifyFailureReason = 'missing-authorization' | 'malformed-authorization' | 'missing-header' | 'unknown-access-key' | 'expired' | 'future-date' | 'body-hash-mismatch' | 'scope-mismatch' | 'signature-mismatch';

export declare type VerifyFunction = (request: ReceivedRequest, options: VerifyOptions) => Promise<VerifyResult>;

export declare interface VerifyOptions {
    /** Returns the secret for an access key id, or undefined when the key is unknown. */
    resolveSecret: (accessKeyId: string) => string | undefined | Promise<string | undefined>;
    /** Server clock; defaults to `new Date()`. */
    now?: Date;
    /** Allowed distance between X-Date and `now`, both directions; default 900. */
    maxSkewSeconds?: number;
    /** When set, the credential scope must name exactly this region. */
    region?: string;
    /** When set, the credential scope must name exactly this service. */
    service?: string;
}

/** Checks a signed Request (Authorization header or presigned URL) without consuming its body. */
export declare const verifyRequest: VerifyRequestFunction;

export declare type VerifyRequestFunction = (request: Request, options: VerifyOptions) => Promise<VerifyResult>;

export declare type VerifyResult = {
    ok: true;
    accessKeyId: string;
    region: string;
    service: string;
    signedHeaders: string[];
} | {
    ok: false;
    reason: VerifyFailureReason;
    message: string;
};

export { }
