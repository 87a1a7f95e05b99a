/** Long-term or temporary (STS) Volcengine credentials. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** STS session token; sent and signed as `X-Security-Token`. An empty string counts as absent. */
  sessionToken?: string;
}

/** Where a signature is valid: credential scope plus optional knobs. */
export interface SignOptions {
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

/** Headers as a plain object (any case) or a Fetch `Headers`. */
export type HeaderInput = Record<string, string> | Headers;

/** The request as it will be sent. */
export interface RequestParts {
  method: string;
  /** Absolute `http:` or `https:` URL. */
  url: string | URL;
  headers?: HeaderInput;
  /** The exact bytes that will be sent (strings are sent, and hashed, as UTF-8). */
  body?: string | Uint8Array;
  /** Precomputed lowercase hex SHA-256 of the body; when given, the body is not read. */
  bodySha256?: string;
}

/** Headers `sign` asks the caller to add: `X-Date`, `X-Content-Sha256`, `X-Security-Token`?, `Authorization`. */
export type SigningHeaders = Record<string, string>;

export interface PresignParts {
  method: string;
  url: string | URL;
  headers?: HeaderInput;
  /** Hex SHA-256 of the body the URL will carry; defaults to the hash of an empty body. */
  bodySha256?: string;
}

export interface PresignOptions extends SignOptions {
  /** Lifetime of the URL, whole seconds in 1..604800; default 900. */
  expiresInSeconds?: number;
}

export type VerifyFailureReason =
  | 'missing-authorization'
  | 'malformed-authorization'
  | 'missing-header'
  | 'unknown-access-key'
  | 'expired'
  | 'future-date'
  | 'body-hash-mismatch'
  | 'scope-mismatch'
  | 'signature-mismatch';

export type VerifyResult =
  | { ok: true; accessKeyId: string; region: string; service: string; signedHeaders: string[] }
  | { ok: false; reason: VerifyFailureReason; message: string };

export interface VerifyOptions {
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

/** Static credentials, or a function called once per request (so keys can rotate). */
export type CredentialsSource = Credentials | (() => Credentials | Promise<Credentials>);

export interface SigningMiddlewareOptions {
  credentials: CredentialsSource;
  region: string;
  service: string;
  /** Clock used for X-Date; defaults to `() => new Date()`. */
  clock?: () => Date;
  signHeaders?: string[];
}

/** Structurally an openapi-fetch `Middleware` (only `onRequest`). */
export interface SigningMiddleware {
  onRequest: (params: { request: Request }) => Promise<Request>;
}

export type SignFunction = (parts: RequestParts, options: SignOptions) => Promise<SigningHeaders>;
export type SignRequestFunction = (request: Request, options: SignOptions) => Promise<Request>;
export type PresignUrlFunction = (parts: PresignParts, options: PresignOptions) => Promise<string>;
export type VerifyRequestFunction = (request: Request, options: VerifyOptions) => Promise<VerifyResult>;

/** Received headers: a `Headers`, or a record such as Node's `IncomingMessage.headers` (any case; repeats as arrays). */
export type ReceivedHeaders = Headers | Record<string, string | string[] | undefined>;

/** A received request as a server framework hands it over, without building a Fetch Request. */
export interface ReceivedRequest {
  method: string;
  /** The full URL it was sent to: `http://host/path?query`. */
  url: string | URL;
  headers: ReceivedHeaders;
  /** The received bytes (a string is hashed as UTF-8); absent or empty for no body. */
  body?: string | Uint8Array | undefined;
}

export type VerifyFunction = (request: ReceivedRequest, options: VerifyOptions) => Promise<VerifyResult>;
export type CreateSigningMiddlewareFunction = (options: SigningMiddlewareOptions) => SigningMiddleware;

/** The client API of the main entry, bound to one hash implementation. */
export interface Signer {
  sign: SignFunction;
  signRequest: SignRequestFunction;
  createSigningMiddleware: CreateSigningMiddlewareFunction;
}
