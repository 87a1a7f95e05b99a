import { type OperationCall, operationCall } from './call.ts';
import { type CredentialsInput, type CredentialsProvider, credentialsSource } from './credentials.ts';
import type { FieldStyles } from './form.ts';
import type { LogSink } from './log.ts';
import { joinQuery } from './query-join.ts';
import { createRawClient, type RawClient } from './raw-client.ts';
import { DEFAULT_RETRY, type RetryOptions } from './retry.ts';
import { fetchSend, nullBody, type Send } from './send.ts';
import { sleep } from './signals.ts';
import { createTransport } from './transport.ts';
import type { OperationMeta } from './types.ts';

export interface RpcClientOptions {
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

/** What `createRpcService` returns: the raw openapi-fetch client and the call the facades bind. */
export interface RpcService<Paths extends object> {
  /**
   * The typed openapi-fetch client, sending through the same signed, retried transport; an error
   * envelope is its `error` whatever the HTTP status.
   */
  readonly raw: RawClient<Paths>;
  /** Calls one operation given its facts; facades bind one method per operation to it. */
  readonly call: OperationCall;
}

/** The `createRpcService` of one platform, with that platform's default credentials chain and send. */
export function serviceFactory(defaults: CredentialsProvider | undefined, send?: Send) {
  /**
   * A service for an Action/Version API whose transport signs each attempt over the exact bytes
   * sent and retries transient failures of idempotent operations with backoff. `raw` is an
   * openapi-fetch client over it (query parameters join the path key's query); `call` sends one
   * operation's call for the generated facade.
   */
  return function createRpcService<Paths extends object>(options: RpcClientOptions): RpcService<Paths> {
    const byKey = new Map<string, OperationMeta>();
    for (const meta of Object.values(options.operations ?? {}))
      byKey.set(`${meta.action}@${meta.version}`, meta);
    const styles = options.styles ?? {};
    const transport = createTransport({
      region: options.region,
      service: options.service,
      credentials: credentialsSource(options.credentials, defaults, options.now),
      send: options.fetch || !send ? fetchSend(options.fetch) : send,
      retry: options.retry === false ? false : { ...DEFAULT_RETRY, ...options.retry },
      timeoutMs: options.timeoutMs ?? 30_000,
      callTimeoutMs: options.callTimeoutMs,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? sleep,
      random: options.random ?? Math.random,
      log: options.logger,
      lookup: (action, version) => byKey.get(`${action}@${version}`),
    });
    // Raw calls: openapi-fetch built a Request; read it once, send it through the same transport, and
    // hand openapi-fetch an answer it can read (a copy when the transport consumed the original).
    const raw = createRawClient<Paths>(options.endpoint, styles, async (request) => {
      const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
      const { reply } = await transport(
        {
          url: joinQuery(request.url),
          method: request.method,
          headers: Object.fromEntries(request.headers),
          body,
        },
        { signal: request.signal },
      );
      const response = reply.response();
      return response.bodyUsed
        ? new Response(nullBody(reply.status) ? null : reply.text, response)
        : response;
    });
    return { raw, call: operationCall(transport, options.endpoint.replace(/\/+$/, ''), styles) };
  };
}
