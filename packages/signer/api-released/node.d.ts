/** A value that is ready now (Node) or later (Web Crypto). */
export declare type Awaitable<T> = T | Promise<T>;

/**
 * The main entry's API bound to a custom hash implementation (for runtimes the two builds do not cover);
 * `createPresignUrl` and `createVerifyRequest` do the same for the subpath entries.
 */
export declare const createSigner: <Key>(crypto: CryptoProvider<Key>) => Signer;

/** An openapi-fetch middleware that signs every outgoing request. */
export declare const createSigningMiddleware: CreateSigningMiddlewareFunction;

export declare type CreateSigningMiddlewareFunction = (options: SigningMiddlewareOptions) => SigningMiddleware;

/** Long-term or temporary (STS) Volcengine credentials. */
export declare interface Credentials {
    accessKeyId: string;
    secretAccessKey: string;
    /** STS session token; sent and signed as `X-Security-Token`. An empty string counts as absent. */
    sessionToken?: string;
}

/** Static credentials, or a function called once per request (so keys can rotate). */
export declare type CredentialsSource = Credentials | (() => Credentials | Promise<Credentials>);

/**
 * The hash primitives the signer needs. Node supplies synchronous `node:crypto` versions, browsers and
 * edge runtimes asynchronous Web Crypto ones; the signing logic is shared and never awaits a value that
 * is already there.
 */
export declare interface CryptoProvider<Key> {
    /** Lowercase hex SHA-256; strings are hashed as UTF-8. */
    sha256Hex(data: string | Uint8Array): Awaitable<string>;
    /** kSigning = HMAC(HMAC(HMAC(HMAC(secret, date), region), service), "request"). */
    signingKey(secret: string, date: string, region: string, service: string): Awaitable<Key>;
    /** Lowercase hex HMAC-SHA256 under a derived key. `data` is always ASCII: it is the string to sign. */
    hmacHex(key: Key, data: string): Awaitable<string>;
}

/** Headers as a plain object (any case) or a Fetch `Headers`. */
export declare type HeaderInput = Record<string, string> | Headers;

/** Synchronous `node:crypto` primitives: no promise is created on the signing path. */
export declare const nodeCryptoProvider: CryptoProvider<NodeSigningKey>;

/**
 * A derived signing key kept as its two HMAC pad blocks (RFC 2104): `inner` = key XOR 0x36.. followed by
 * room for the message, `outer` = key XOR 0x5c.. followed by room for the inner digest. HMAC then costs two
 * one-shot SHA-256 calls instead of building an Hmac stream object — about half the time of createHmac.
 */
declare interface NodeSigningKey {
    key: Buffer;
    inner: Buffer;
    outer: Buffer;
}

/** The request as it will be sent. */
export declare interface RequestParts {
    method: string;
    /** Absolute `http:` or `https:` URL. */
    url: string | URL;
    headers?: HeaderInput;
    /** The exact bytes that will be sent (strings are sent, and hashed, as UTF-8). */
    body?: string | Uint8Array;
    /** Precomputed lowercase hex SHA-256 of the body; when given, the body is not read. */
    bodySha256?: string;
}

/** Signs a request; resolves to the headers to add: X-Date, X-Content-Sha256, X-Security-Token (with a session token), Authorization. */
export declare const sign: SignFunction;

/** The client API of the main entry, bound to one hash implementation. */
export declare interface Signer {
    sign: SignFunction;
    signRequest: SignRequestFunction;
    createSigningMiddleware: CreateSigningMiddlewareFunction;
}

/**
 * Thrown (as a rejected promise) for input that cannot be signed. Messages say what is wrong and
 * never contain a secret access key or a session token.
 */
export declare class SignerError extends Error {
    readonly code: SignerErrorCode;
    constructor(code: SignerErrorCode, message: string);
}

export declare type SignerErrorCode = 'InvalidCredentials' | 'InvalidScope' | 'InvalidUrl' | 'InvalidMethod' | 'InvalidHeader' | 'InvalidBodyHash' | 'InvalidDate' | 'InvalidExpires' | 'UnhashableBody';

export declare type SignFunction = (parts: RequestParts, options: SignOptions) => Promise<SigningHeaders>;

/** Headers `sign` asks the caller to add: `X-Date`, `X-Content-Sha256`, `X-Security-Token`?, `Authorization`. */
export declare type SigningHeaders = Record<string, string>;

/** Structurally an openapi-fetch `Middleware` (only `onRequest`). */
export declare interface SigningMiddleware {
    onRequest: (params: {
        request: Request;
    }) => Promise<Request>;
}

export declare interface SigningMiddlewareOptions {
    credentials: CredentialsSource;
    region: string;
    service: string;
    /** Clock used for X-Date; defaults to `() => new Date()`. */
    clock?: () => Date;
    signHeaders?: string[];
}

/** Where a signature is valid: credential scope plus optional knobs. */
export declare interface SignOptions {
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

/** A new Request with the signing headers added; the body is read once from a clone, or not at all when X-Content-Sha256 is already set. */
export declare const signRequest: SignRequestFunction;

export declare type SignRequestFunction = (request: Request, options: SignOptions) => Promise<Request>;

export { }
