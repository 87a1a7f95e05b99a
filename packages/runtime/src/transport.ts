// The fetch that openapi-fetch calls: it signs, sends, and retries. Signing sits inside the attempt
// loop (like the AWS SDK's finalize step and Stainless' auth step), so every attempt carries a fresh
// X-Date and signature; openapi-fetch middleware would run only once per call.
import { sign } from '@volc-openapi/signer';
import type { ProvidedCredentials } from './credentials.ts';
import { type Called, errorOf, parseJson, requestIdOf } from './envelope.ts';
import { RpcError, type RpcErrorKind } from './errors.ts';
import type { LogSink } from './log.ts';
import {
  backoff,
  DEFAULT_RETRY,
  isTransient,
  type RetryContext,
  type RetryOptions,
  retryAfter,
} from './retry.ts';
import type { Reply, Send } from './send.ts';
import { anySignal, timer } from './signals.ts';
import type { CallOptions, OperationMeta } from './types.ts';

export interface TransportConfig {
  region: string;
  service: string;
  credentials: () => Promise<ProvidedCredentials>;
  /** How each signed attempt travels: the caller's fetch, the global fetch, or node:http in Node. */
  send: Send;
  /** The client's policy for idempotent operations; `false`: only calls that opt in are retried. */
  retry: RetryOptions | false;
  timeoutMs: number | undefined;
  callTimeoutMs: number | undefined;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  log: LogSink | undefined;
  /** The operation a raw openapi-fetch call addresses, found by its Action and Version. */
  lookup: (action: string | null, version: string | null) => OperationMeta | undefined;
}

/** One request as it will be sent, before signing. */
export interface Outgoing {
  /** The final URL, query joined. */
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The exact bytes (a string is sent as UTF-8); they are hashed once for all attempts. */
  body?: string | Uint8Array<ArrayBuffer>;
}

/** What one call is: its operation (when known), the caller's options and signal. */
export interface CallContext {
  meta?: OperationMeta;
  options?: CallOptions;
  signal?: AbortSignal;
}

/** The final answer, read and settled. */
export interface Answer {
  reply: Reply;
  body: unknown;
  error: RpcError | undefined;
  requestId: string | undefined;
}

/** Sends one call: resolves to its settled answer, or throws an RpcError when there is none. */
export type Transport = (outgoing: Outgoing, call?: CallContext) => Promise<Answer>;

/** A system error's code (`ECONNRESET`), or undefined. */
const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** A SignatureDoesNotMatch counts as clock skew only when the server's Date is this far from ours. */
const SKEW_SUSPECT_MS = 300_000;

export function createTransport(config: TransportConfig): Transport {
  const { now, log } = config;
  /** Server clock minus ours, learnt from a skew answer and kept for later calls. */
  let skewMs = 0;

  return async ({ url, method, headers, body }, { meta, options = {}, signal } = {}) => {
    if (!meta) {
      const query = new URL(url).searchParams;
      meta = config.lookup(query.get('Action'), query.get('Version'));
    }
    const called: Called = { action: meta?.action, version: meta?.version };
    const action = called.action ?? url;
    // Only idempotent operations are retried, unless this call opts in (`retry: true` or a policy).
    const own = options.retry;
    const policy: RetryOptions | undefined =
      own === false
        ? undefined
        : own
          ? { ...(config.retry || DEFAULT_RETRY), ...(own === true ? {} : own) }
          : (meta?.idempotent && config.retry) || undefined;
    const caller = options.signal ?? signal;
    const callTimeoutMs = options.callTimeoutMs ?? config.callTimeoutMs;
    const callTimer = timer(callTimeoutMs);
    const started = now();
    let secrets: (string | undefined)[] = [];
    let payloadHash: string | undefined;
    let attempt = 0;
    let retries = 0;
    let skewRetried = false;

    const thrown = (kind: RpcErrorKind, cause: unknown, Message: string) => {
      const error = new RpcError({
        kind,
        Code: kind === 'network' ? 'NetworkError' : kind === 'timeout' ? 'RequestTimeout' : 'RequestAborted',
        Message,
        cause,
        attempts: attempt,
        Action: called.action,
        Version: called.version,
      });
      log?.('error', 'failed', { action, code: error.Code, attempts: attempt }, secrets);
      return error;
    };
    const stopped = (cause: unknown) =>
      caller?.aborted
        ? thrown('aborted', cause, 'Aborted by the caller')
        : thrown('timeout', cause, `No answer within ${callTimeoutMs} ms (callTimeoutMs: the whole call)`);

    try {
      for (;;) {
        attempt++;
        let sent = headers;
        // An operation the spec sends unsigned needs no credentials at all (e.g. STS AssumeRoleWithOIDC).
        if (!meta?.unsigned) {
          const credentials = await config.credentials();
          secrets = [credentials.secretAccessKey, credentials.sessionToken];
          // The body is hashed once; later attempts pass the hash instead of re-reading the bytes.
          const signed = await sign(
            { method, url, headers, body: payloadHash ? undefined : body, bodySha256: payloadHash },
            { credentials, region: config.region, service: config.service, date: new Date(now() + skewMs) },
          );
          payloadHash = signed['X-Content-Sha256'];
          sent = { ...headers, ...signed };
        }
        log?.('debug', 'request', { action, attempt, method, url, headers: sent }, secrets);

        const attemptTimeoutMs = options.timeoutMs ?? config.timeoutMs;
        const attemptTimer = timer(attemptTimeoutMs);
        let reply: Reply | undefined;
        let failure: RpcError | undefined;
        try {
          reply = await config.send({
            url,
            method,
            headers: sent,
            body,
            signal: anySignal([caller, callTimer.signal, attemptTimer.signal]),
          });
        } catch (cause) {
          if (caller?.aborted || callTimer.signal?.aborted) throw stopped(cause);
          failure = attemptTimer.signal?.aborted
            ? new RpcError({
                kind: 'timeout',
                Code: 'RequestTimeout',
                Message: `No answer within ${attemptTimeoutMs} ms (timeoutMs: one attempt)`,
                cause,
              })
            : new RpcError({
                kind: 'network',
                Code: 'NetworkError',
                // fetch wraps the system error (`cause.code`); node:http throws it as is.
                Message: `Network failure: ${String(codeOf(cause) ?? codeOf((cause as { cause?: unknown })?.cause) ?? cause)}`,
                cause,
              });
        } finally {
          attemptTimer.clear();
        }

        const parsed = reply && parseJson(reply.text);
        if (reply) {
          failure = errorOf(reply, reply.text, parsed, called);
          if (!failure) return settle(reply, parsed, undefined);
          const server = Date.parse(reply.headers.get('date') ?? '');
          const skewed =
            failure.Code === 'InvalidTimestamp' ||
            (failure.Code === 'SignatureDoesNotMatch' && Math.abs(server - now() - skewMs) > SKEW_SUSPECT_MS);
          if (skewed && !skewRetried && server) {
            // Re-sign once by the server's clock; the offset stays for later calls.
            skewRetried = true;
            skewMs = server - now();
            log?.('warn', 'clock skew', { action, code: failure.Code, skewMs }, secrets);
            continue;
          }
        }
        const error = failure as RpcError;
        error.attempts = attempt;
        const context: RetryContext = {
          attempt,
          action: called.action,
          error,
          // Made only if a retry hook looks at it.
          get response() {
            return reply?.response();
          },
          delayMs:
            retryAfter(reply, now() + skewMs) ?? (policy ? backoff(policy, retries + 1, config.random) : 0),
          transient: isTransient(error),
        };
        if (
          !policy ||
          retries >= policy.maxRetries ||
          !(policy.retryOn ?? ((c: RetryContext) => c.transient))(context) ||
          context.delayMs > policy.maxDelayMs ||
          now() - started + context.delayMs > policy.maxElapsedMs
        ) {
          if (reply) return settle(reply, parsed, error);
          throw thrown(error.kind, error.cause, error.Message);
        }
        retries++;
        policy.onRetry?.(context);
        log?.(
          'warn',
          'retry',
          {
            action,
            attempt,
            delayMs: context.delayMs,
            code: error.Code,
            status: error.status,
            requestId: error.RequestId,
          },
          secrets,
        );
        await config.sleep(context.delayMs, anySignal([caller, callTimer.signal])).catch((cause: unknown) => {
          throw stopped(cause);
        });
      }
    } finally {
      callTimer.clear();
    }

    function settle(reply: Reply, body: unknown, error: RpcError | undefined): Answer {
      const requestId = error ? error.RequestId : requestIdOf(body, reply);
      log?.(
        'info',
        'response',
        {
          action,
          status: reply.status,
          code: error?.Code,
          requestId,
          attempts: attempt,
          ms: now() - started,
        },
        secrets,
      );
      return { reply, body, error, requestId };
    }
  };
}
