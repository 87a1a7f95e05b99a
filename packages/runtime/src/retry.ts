// The retry policy: which failures are transient, how long to wait, when to stop.

import type { RpcError } from './errors.ts';
import { TRANSIENT_CODES } from './generated/transient-codes.ts';
import type { HeaderReader } from './send.ts';

/** What a retry decision (and the `onRetry` hook) sees. */
export interface RetryContext {
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
export interface RetryOptions {
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

export const DEFAULT_RETRY: RetryOptions = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxElapsedMs: 20_000,
};

/** The default classification of a failure as transient. */
export const isTransient = (error: RpcError): boolean =>
  error.kind === 'network' ||
  error.kind === 'timeout' ||
  error.status === 429 ||
  (error.status !== undefined && error.status >= 500) ||
  TRANSIENT_CODES.has(error.Code);

/** Full-jitter exponential backoff: a random wait in [0, min(cap, base·2^(attempt-1))). */
export const backoff = (policy: RetryOptions, attempt: number, random: () => number): number =>
  Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));

/** The server's requested wait in ms from `Retry-After-Ms`, or `Retry-After` in seconds or as an HTTP date. */
export function retryAfter(response: { headers: HeaderReader } | undefined, now: number): number | undefined {
  const ms = Number.parseFloat(response?.headers.get('retry-after-ms') ?? '');
  if (ms >= 0) return ms;
  const value = response?.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
