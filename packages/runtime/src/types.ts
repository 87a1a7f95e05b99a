import type { RpcError } from './errors.ts';
import type { RetryOptions } from './retry.ts';

/** How an operation's input travels on the wire, read from the spec by the code generator. */
export type WireEncoding = 'json' | 'form' | 'multipart' | 'query';

/**
 * How an operation pages, from the spec's `x-volc-pagination`: field names of the request (`offset`,
 * `limit`, `cursor`) and of `Result` (`items`, `total`, `nextCursor`).
 */
export type PaginationMeta =
  | {
      readonly style: 'offset';
      readonly offset: string;
      readonly limit: string;
      readonly items: string;
      readonly total?: string;
    }
  | {
      readonly style: 'cursor';
      readonly cursor: string;
      readonly nextCursor: string;
      readonly items: string;
    };

/** What the generated facade knows about one operation, taken from the spec. */
export interface OperationMeta {
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

/** `ResponseMetadata.Error` of a failed call; `Code` is one the spec documents, or any other string. */
export interface RpcErrorDetail<TCode extends string = string> {
  Code: TCode | (string & {});
  CodeN?: number;
  Message: string;
}

/** The Volcengine error envelope: the body of a failed call, whatever its HTTP status. */
export interface RpcErrorBody<TCode extends string = string> {
  ResponseMetadata: {
    RequestId?: string;
    Action?: string;
    Version?: string;
    Service?: string;
    Region?: string;
    Error: RpcErrorDetail<TCode>;
  };
}

/**
 * What a facade method resolves to: openapi-fetch's `{ data, error, response }`, with errors
 * delivered in HTTP 200 moved to `error`, plus the call's `requestId` (from the envelope, or the
 * gateway's `X-Tt-Logid` header). Failures without an HTTP answer (network, timeout, abort) are
 * thrown as {@link RpcError} instead, so `response` is always there.
 */
export type RpcResult<TData, TCode extends string = string> =
  | { data: TData; error?: undefined; response: Response; requestId: string | undefined }
  | { data?: undefined; error: RpcError<TCode>; response: Response; requestId: string | undefined };

/** The success body of an operation: its 200 schema without the error envelope some 200s carry. */
export type SuccessBody<T> = Exclude<T, { ResponseMetadata: { Error: unknown } }>;

/** Per-call options of a facade method. */
export interface CallOptions {
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
