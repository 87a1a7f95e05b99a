import { Client } from 'openapi-fetch';
import { Credentials } from '@volc-openapi/signer';
import { Middleware } from 'openapi-fetch';
import * as openapi_fetch from 'openapi-fetch';

/**
 * One signal that fires when any of `signals` does. Uses `AbortSignal.any` where the platform has it
 * (Node ≥ 20.3, current browsers); otherwise forwards by listeners.
 */
export declare function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal | undefined;

/** Full-jitter exponential backoff: a random wait in [0, min(cap, base·2^(attempt-1))). */
export declare const backoff: (policy: RetryOptions, attempt: number, random: () => number) => number;

/**
 * Caches a provider's temporary credentials until `refreshBeforeMs` before their `expiration`; keys
 * without `expiration` are asked for again on every call, so a provider can rotate them. Concurrent
 * calls share one refresh; if a refresh fails while the cached keys are still valid, those are used.
 * Throws {@link CredentialsError} when the provider has none.
 */
export declare function cachedCredentials(provider: CredentialsProvider, { refreshBeforeMs, now }?: CachedCredentialsOptions): () => Promise<ProvidedCredentials>;

export declare interface CachedCredentialsOptions {
    /** Refresh this long before `expiration`; default 5 minutes. */
    refreshBeforeMs?: number;
    /** Clock in ms; default `Date.now`. */
    now?: () => number;
}

declare type Call = (input: object | undefined, options?: CallOptions) => Promise<RpcResult<unknown>>;

/** Who was called, for errors: used where the answer does not echo it. */
declare interface Called {
    action?: string;
    version?: string;
}

/** Per-call options of a facade method. */
export declare interface CallOptions {
    /** Cancels the call, including retries and waits; the call then throws an `aborted` RpcError. */
    signal?: AbortSignal;
    /** Extra headers sent (not signed) with every attempt. */
    headers?: Record<string, string>;
    /**
     * `true` retries this call even if its operation is not idempotent (the caller vouches that a
     * repeat is harmless); `false` never retries it; an object tunes the policy and also opts in.
     */
    retry?: boolean | Partial<RetryOptions>;
    /** Timeout of each attempt in ms (overrides the client's). */
    timeoutMs?: number;
    /** Timeout of the whole call in ms, attempts and backoff waits included (overrides the client's). */
    callTimeoutMs?: number;
}

/** Tries providers in order and returns the first usable credentials; undefined when none has any. */
export declare const chainCredentials: (...providers: CredentialsProvider[]) => CredentialsProvider;

/**
 * A log sink for a client's `logger` option: lines at or above `level` go to `logger` as
 * `(message, fields)`. Headers are redacted (Authorization's signature, X-Security-Token, cookies),
 * and, as a last guard, every line is scrubbed of the secret key and session token in use and of any
 * `Signature=` value, so a secret that slipped into a message or field never reaches the logger.
 */
export declare function createLogger(options?: LoggerOptions): LogSink;

/** Creates an openapi-fetch client for an Action/Version API, signed and retried by the runtime. */
export declare const createRpcClient: <Paths extends object>(options: RpcClientOptions) => openapi_fetch.Client<Paths, `${string}/${string}`>;

/** Creates the raw client and the facade's call for an Action/Version API, signed and retried by the runtime. */
export declare const createRpcService: <Paths extends object>(options: RpcClientOptions) => RpcService<Paths>;

export { Credentials }

/** No credentials could be found. Its message names every way to provide them, and never a key. */
export declare class CredentialsError extends Error {
    constructor(message: string);
}

/** What a client accepts: a key pair, or a provider. */
export declare type CredentialsInput = Credentials | CredentialsProvider;

/**
 * Returns credentials, or undefined when this source has none (a chain then tries the next one).
 * It may be async, e.g. an STS AssumeRole call.
 */
export declare type CredentialsProvider = () => ProvidedCredentials | undefined | Promise<ProvidedCredentials | undefined>;

export declare const DEFAULT_RETRY: RetryOptions;

/** The default chain in Node: environment variables, then `~/.volc/config`. */
export declare const defaultCredentials: CredentialsProvider;

/** Expands a generated operation table into {@link OperationMeta} records, path keys included. */
export declare function defineOperations<Id extends string>(version: string, rows: Record<Id, OperationRow>): Record<Id, OperationMeta>;

/** Serializes an input object as `application/x-www-form-urlencoded`. */
export declare function encodeForm(input: unknown, styles?: FieldStyles): string;

/**
 * Serializes an input object as `multipart/form-data`: Blobs (and Files) as file parts, everything
 * else as text fields written like {@link encodeForm}. fetch writes the boundary; the runtime then
 * signs the exact bytes.
 */
export declare function encodeMultipart(input: unknown, styles?: FieldStyles): FormData;

/**
 * Serializes query parameters (GET, and body-less POST) with the same rules as {@link encodeForm},
 * percent-encoded as the signer canonicalizes them (RFC 3986: a space is `%20`, `*` is `%2A`), so the
 * URL sent is the canonical one the official SDKs send.
 */
export declare function encodeQuery(input: unknown, styles?: FieldStyles): string;

/**
 * The error an answer stands for, or undefined for a success: the error envelope (whatever the HTTP
 * status; VMS and SMS send some with 200) is an `api` error; a non-JSON body (an HTML page from a proxy, an
 * empty or truncated body) or a non-2xx without the envelope is `unexpected-response`, with the status
 * and a short excerpt — never a JSON parse exception.
 */
export declare function errorOf(response: {
    status: number;
    headers: HeaderReader;
}, source: string, body: unknown, called: Called): RpcError | undefined;

/** Declared styles by field name. */
export declare type FieldStyles = Readonly<Record<string, ValueStyle>>;

/** The wire texts of one input value (several for `repeat`); none when it is left out. */
export declare function formValues(value: unknown, style?: ValueStyle): string[];

/** `VOLC_ACCESSKEY`, `VOLC_SECRETKEY` and optional `VOLC_SESSION_TOKEN`, read at each call. */
export declare const fromEnv: (env?: Record<string, string | undefined>) => CredentialsProvider;

/**
 * The shared file `~/.volc/config` of the official Volcengine SDKs: JSON with `VOLC_ACCESSKEY` and
 * `VOLC_SECRETKEY` (this runtime also reads `VOLC_SESSION_TOKEN`). A missing or unreadable file
 * means "no credentials here"; a file that is not JSON is an error naming the file, never its content.
 */
export declare const fromSharedConfig: (options?: SharedConfigOptions) => CredentialsProvider;

/** What the transport reads from an answer's headers (a `Headers` fits). */
export declare interface HeaderReader {
    get(name: string): string | null;
}

/** True when a parsed body is the Volcengine error envelope (`ResponseMetadata.Error` with a string Code). */
export declare const isErrorEnvelope: (body: unknown) => body is RpcErrorBody;

/** True for an {@link RpcError}, also one from another copy of this package. */
export declare const isRpcError: (value: unknown) => value is RpcError;

/** The default classification of a failure as transient. */
export declare const isTransient: (error: RpcError) => boolean;

/**
 * openapi-fetch appends `?<query>` to the path key, but an RPC path key already holds
 * `?Action=...&Version=...`. Turns the second `?` into `&` so that query parameters land in the same
 * query string. The runtime's transport applies it before signing, which covers the final URL.
 */
export declare function joinQuery(url: string): string;

/** Anything with the four console methods; `console` itself fits. */
export declare interface Logger {
    debug(message: string, fields?: Record<string, unknown>): void;
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
    error(message: string, fields?: Record<string, unknown>): void;
}

export declare interface LoggerOptions {
    /** Lowest level written; default `info`. */
    level?: LogLevel;
    /** Where lines go; default `console`. */
    logger?: Logger;
}

export declare type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/**
 * What a client logs through. `fields` may hold unredacted headers (`headers`) and `secrets` lists the
 * secret key and session token in use: a sink must redact both; use {@link createLogger}.
 */
export declare type LogSink = (level: Exclude<LogLevel, 'off'>, message: string, fields: Record<string, unknown>, secrets: (string | undefined)[]) => void;

/** The message of a missing-credentials error: every way to provide them. */
export declare const NO_CREDENTIALS: string;

/** Calls one operation, given its facts from the spec; what `createRpcService` returns as `call`. */
export declare type OperationCall = <TData, TCode extends string = string>(meta: OperationMeta, input?: object, options?: CallOptions) => Promise<RpcResult<TData, TCode>>;

/** What the generated facade knows about one operation, taken from the spec. */
export declare interface OperationMeta {
    readonly action: string;
    readonly version: string;
    /** `POST` with encoding `query` is a body-less POST whose parameters travel in the query string. */
    readonly method: 'GET' | 'POST';
    /** The literal path key, `/?Action=<Name>&Version=<YYYY-MM-DD>`. */
    readonly path: string;
    readonly encoding: WireEncoding;
    /** The spec's `x-volc-idempotent`: only idempotent operations are retried unless a call opts in. */
    readonly idempotent: boolean;
    readonly pagination?: PaginationMeta;
    /** Sent without a signature or credentials (the spec's `security: []`, e.g. STS AssumeRoleWithOIDC). */
    readonly unsigned?: true;
}

/** One method per operation of `table`, each sending through `call` (from `createRpcService`). */
export declare function operationMethods<T>(call: OperationCall, table: Record<string, OperationMeta>): T;

/** One paginator per operation of `table` that declares `pagination`, over the bound `methods`. */
export declare function operationPaginators<T>(methods: object, table: Record<string, OperationMeta>): T;

/**
 * One operation as the code generator writes it, compactly (every client bundle carries the table):
 * `[method, encoding, idempotent, pagination or 0, version or 0 (the table's), action or 0 (the id's),
 * 1 when sent unsigned]`.
 */
export declare type OperationRow = readonly [
method: 'GET' | 'POST',
encoding: WireEncoding,
idempotent: boolean,
pagination?: PaginationMeta | 0,
version?: string | 0,
action?: string | 0,
unsigned?: 1
];

/**
 * Pages through an operation. Offset style: the next request's offset is this one's plus the items
 * received; it stops on an empty page, when the offset reaches `total`, or — without a total — on a
 * page shorter than the requested limit. Cursor style: it stops on an empty page or a missing or
 * repeated next cursor. A failed page throws its {@link RpcError}.
 */
export declare function paginate<TItem, TPage>(call: Call, pagination: PaginationMeta, input: object | undefined, options?: CallOptions): Paginator<TItem, TPage>;

/**
 * How an operation pages, from the spec's `x-volc-pagination`: field names of the request (`offset`,
 * `limit`, `cursor`) and of `Result` (`items`, `total`, `nextCursor`).
 */
export declare type PaginationMeta = {
    readonly style: 'offset';
    readonly offset: string;
    readonly limit: string;
    readonly items: string;
    readonly total?: string;
} | {
    readonly style: 'cursor';
    readonly cursor: string;
    readonly nextCursor: string;
    readonly items: string;
};

/** Iterates every item of a paged operation with `for await`; `pages()` iterates whole pages instead. */
export declare interface Paginator<TItem, TPage> extends AsyncIterable<TItem> {
    /** Each page's `data`, fetching the next one only when asked. */
    pages(): AsyncIterable<TPage>;
}

/** Parses a response text as JSON without throwing; `undefined` when it is not JSON. */
export declare function parseJson(source: string): unknown;

/** Credentials as a provider returns them; `expiration` marks temporary (STS) keys. */
export declare interface ProvidedCredentials extends Credentials {
    /** When the keys stop working; they are refreshed shortly before. Absent for long-term keys. */
    expiration?: Date;
}

/** Headers for a log line: the signature and session token replaced by `<redacted>`; the AccessKey id stays. */
export declare function redactHeaders(headers: Headers | Record<string, string>): Record<string, string>;

/** The gateway sends the RequestId in this header too, also on answers that are not the envelope. */
export declare const REQUEST_ID_HEADER = "x-tt-logid";

/** The server's requested wait in ms from `Retry-After-Ms`, or `Retry-After` in seconds or as an HTTP date. */
export declare function retryAfter(response: {
    headers: HeaderReader;
} | undefined, now: number): number | undefined;

/** What a retry decision (and the `onRetry` hook) sees. */
export declare interface RetryContext {
    /** The attempt that just failed, from 1. */
    attempt: number;
    /** The Action called, when known. */
    action: string | undefined;
    /** The failure: an `api` or `unexpected-response` error, or a `network`/`timeout` one. */
    error: RpcError;
    /** The answer, when there was one. */
    response: Response | undefined;
    /** The wait planned before the next attempt, in ms (from `Retry-After`, else backoff). */
    delayMs: number;
    /** The default classification: throttling, 429, 5xx, unavailable/internal codes, network, attempt timeout. */
    transient: boolean;
}

/** How a client retries. Only idempotent operations (spec `x-volc-idempotent: true`) or calls that opt in are retried. */
export declare interface RetryOptions {
    /** Retries after the first attempt; default 2. */
    maxRetries: number;
    /** First backoff ceiling in ms, doubled per retry; default 500. */
    baseDelayMs: number;
    /** Cap of one backoff wait in ms; a `Retry-After` longer than this ends the retries instead; default 8000. */
    maxDelayMs: number;
    /** Total time budget in ms from the first attempt: no retry is started that would wait past it; default 20000. */
    maxElapsedMs: number;
    /** Refines which failures of an eligible call are retried; default `(context) => context.transient`. It never makes a non-idempotent call retry. */
    retryOn?: (context: RetryContext) => boolean;
    /** Called before each wait, e.g. to log or count retries. */
    onRetry?: (context: RetryContext) => void;
}

export declare interface RpcClientOptions {
    /** Base URL of the service, e.g. `https://cloud-vms.volcengineapi.com`. */
    endpoint: string;
    /**
     * An AccessKey pair, or a provider (called per request; temporary keys with `expiration` are cached
     * until shortly before they expire). When absent: in Node, `VOLC_ACCESSKEY`/`VOLC_SECRETKEY`
     * (`VOLC_SESSION_TOKEN`), then `~/.volc/config`; elsewhere a `CredentialsError` naming the options.
     */
    credentials?: CredentialsInput;
    /** Signing region, e.g. `cn-beijing`. */
    region: string;
    /** Signing service name, e.g. `vms`. */
    service: string;
    /**
     * A fetch to send each signed attempt with (as a `Request`). Default: in Node, node:http(s) with
     * keep-alive (pass the global `fetch` here to use it instead); elsewhere the global `fetch`.
     */
    fetch?: (input: Request) => Promise<Response>;
    /** The API's operations, so raw openapi-fetch calls get the retry policy of their Action. */
    operations?: Record<string, OperationMeta>;
    /**
     * How the API writes list and object fields outside JSON bodies, by field name, as its spec declares
     * them (`comma`, `repeat` or `json`); the generated clients pass them. Fields not named follow the
     * Volcengine convention: scalar lists comma-joined, objects as JSON.
     */
    styles?: FieldStyles;
    /** The retry policy (merged over the defaults), or `false` to retry only calls that opt in. */
    retry?: Partial<RetryOptions> | false;
    /** Timeout of each attempt in ms; default 30000. */
    timeoutMs?: number;
    /** Timeout of a whole call in ms, retries and waits included; default none (the retry budget bounds it). */
    callTimeoutMs?: number;
    /** Logging, off by default: `createLogger({ level, logger })` filters by level and redacts secrets. */
    logger?: LogSink;
    /** Clock in ms since the epoch (tests); default `Date.now`. */
    now?: () => number;
    /** Backoff wait (tests); default a timer that the call's signal cancels. */
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    /** Random number in [0, 1) for backoff jitter (tests); default `Math.random`. */
    random?: () => number;
}

/**
 * The one error shape of every generated client. It carries the envelope fields flat (`Code`, `CodeN`,
 * `Message`, `RequestId`, `Action`, `Version`), the HTTP `status`, the failure `kind` and the number
 * of `attempts`, and keeps the `ResponseMetadata` envelope so code written against the envelope keeps
 * working. Its message never contains a secret key, session token or signature.
 */
export declare class RpcError<TCode extends string = string> extends Error {
    readonly kind: RpcErrorKind;
    /** HTTP status of the answer; undefined when there was none. */
    readonly status: number | undefined;
    readonly Code: TCode | (string & {});
    readonly CodeN: number | undefined;
    readonly Message: string;
    readonly RequestId: string | undefined;
    readonly Action: string | undefined;
    readonly Version: string | undefined;
    /** How many attempts were made before giving up. */
    attempts: number;
    /** The envelope as the service sent it (built alike for the kinds without an answer). */
    readonly ResponseMetadata: RpcErrorBody<TCode>['ResponseMetadata'];
    constructor(init: RpcErrorInit<TCode>);
}

/** The Volcengine error envelope: the body of a failed call, whatever its HTTP status. */
export declare interface RpcErrorBody<TCode extends string = string> {
    ResponseMetadata: {
        RequestId?: string;
        Action?: string;
        Version?: string;
        Service?: string;
        Region?: string;
        Error: RpcErrorDetail<TCode>;
    };
}

/** `ResponseMetadata.Error` of a failed call; `Code` is one the spec documents, or any other string. */
export declare interface RpcErrorDetail<TCode extends string = string> {
    Code: TCode | (string & {});
    CodeN?: number;
    Message: string;
}

/** Fields of an {@link RpcError}, as it is built. */
export declare interface RpcErrorInit<TCode extends string = string> {
    kind: RpcErrorKind;
    status?: number;
    Code: TCode | (string & {});
    CodeN?: number;
    Message: string;
    RequestId?: string;
    Action?: string;
    Version?: string;
    Service?: string;
    Region?: string;
    attempts?: number;
    cause?: unknown;
}

/**
 * What kind of failure an {@link RpcError} is:
 * - `api`: the service answered with the Volcengine error envelope (any HTTP status, 200 included);
 * - `unexpected-response`: an answer that is not the envelope (HTML from a proxy, empty, truncated);
 * - `network`: no answer (connection refused or reset, DNS, TLS);
 * - `timeout`: an attempt or the whole call took longer than allowed;
 * - `aborted`: the caller's `AbortSignal` fired.
 *
 * The first two are returned as `error` of the result; the last three are thrown.
 */
export declare type RpcErrorKind = 'api' | 'unexpected-response' | 'network' | 'timeout' | 'aborted';

/**
 * {@link joinQuery} as an openapi-fetch middleware, for openapi-fetch clients not made by
 * `createRpcClient` (whose transport joins the query itself).
 */
export declare const rpcQueryJoin: Middleware;

/**
 * What a facade method resolves to: openapi-fetch's `{ data, error, response }`, with errors
 * delivered in HTTP 200 moved to `error`, plus the call's `requestId` (from the envelope, or the
 * gateway's `X-Tt-Logid` header). Failures without an HTTP answer (network, timeout, abort) are
 * thrown as {@link RpcError} instead, so `response` is always there.
 */
export declare type RpcResult<TData, TCode extends string = string> = {
    data: TData;
    error?: undefined;
    response: Response;
    requestId: string | undefined;
} | {
    data?: undefined;
    error: RpcError<TCode>;
    response: Response;
    requestId: string | undefined;
};

/** What `createRpcService` returns: the raw openapi-fetch client and the call the facades bind. */
export declare interface RpcService<Paths extends object> {
    /** The typed openapi-fetch client, sending through the same signed, retried transport. */
    readonly raw: Client<Paths>;
    /** Calls one operation given its facts; facades bind one method per operation to it. */
    readonly call: OperationCall;
}

export declare interface SharedConfigOptions {
    /** The file; default `$HOME/.volc/config`. */
    path?: string;
}

/** The success body of an operation: its 200 schema without the error envelope some 200s carry. */
export declare type SuccessBody<T> = Exclude<T, {
    ResponseMetadata: {
        Error: unknown;
    };
}>;

/** How one list or object field is written, as the spec declares it. */
export declare type ValueStyle = 'comma' | 'repeat' | 'json';

/** How an operation's input travels on the wire, read from the spec by the code generator. */
export declare type WireEncoding = 'json' | 'form' | 'multipart' | 'query';

export { }
