/** How an operation's input travels on the wire, read from the spec by the code generator. */
export type WireEncoding = 'json' | 'form' | 'multipart' | 'query';

/** What the generated facade knows about one operation, taken from the spec. */
export interface OperationMeta {
  readonly action: string;
  readonly version: string;
  readonly method: 'GET' | 'POST';
  /** The literal path key, `/?Action=<Name>&Version=<YYYY-MM-DD>`. */
  readonly path: string;
  readonly encoding: WireEncoding;
  readonly idempotent: boolean;
}

/** `ResponseMetadata.Error` of a failed call; `Code` is one the spec documents, or any other string. */
export interface RpcErrorDetail<TCode extends string = string> {
  Code: TCode | (string & {});
  CodeN?: number;
  Message: string;
}

/** The body of a failed call, whatever its HTTP status. */
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

/** openapi-fetch's `{ data, error, response }`, with errors delivered in HTTP 200 moved to `error`. */
export type RpcResult<TData, TCode extends string = string> =
  | { data: TData; error?: undefined; response: Response }
  | { data?: undefined; error: RpcErrorBody<TCode>; response: Response };

/** Per-call options of a facade method. */
export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}
