// What every STS exchange shares: the STS client it calls through, the credential set it turns into
// keys with an expiration, the errors it turns into a CredentialsError naming the role, and the cache
// that refreshes the keys before they expire.
import {
  type CachingCredentialsProvider,
  CredentialsError,
  cachedCredentials,
  isRpcError,
  type ProvidedCredentials,
} from '@volc-openapi/runtime';
import { createStsClient, type StsClient, type StsClientOptions } from '@volc-openapi/sts';

/** Options every provider that calls STS takes. */
export interface StsExchangeOptions {
  /** Options of the STS client it calls through, e.g. `{ endpoint }` to point it at `pnpm mock`. */
  sts?: StsClientOptions;
  /** Name of the role session; default `volc-openapi-<time in ms>`. 2–64 letters, digits and `.-_@`. */
  roleSessionName?: string;
  /** Lifetime asked for, in seconds; the service clamps it (below 900 → 3600, above 43200 → 43200). */
  durationSeconds?: number;
  /** An inline policy (JSON text) that narrows what the keys may do. */
  policy?: string;
  /** Refresh this long before the keys expire; default 5 minutes. */
  refreshBeforeMs?: number;
  /** Wait after a failed refresh while the keys are still valid (doubling, at most 60 s); default 1 s. */
  retryDelayMs?: number;
  /** Clock in ms (tests); default `Date.now`. Also the STS client's signing clock. */
  now?: () => number;
}

/** The credential set in an STS answer: `ExpiredTime`, or `Expiration` as the federation calls may name it. */
export interface StsCredentialSet {
  AccessKeyId?: string;
  SecretAccessKey?: string;
  SessionToken?: string;
  ExpiredTime?: string;
  Expiration?: string;
}

/** The answer of an STS call made through the generated client's facade. */
export interface StsAnswer {
  data?: { Result?: { Credentials?: StsCredentialSet } };
  error?: unknown;
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i;

/** The STS client of an exchange, signing with the exchange's clock unless its options name another. */
export const stsClient = (options: StsExchangeOptions): StsClient =>
  createStsClient({ ...(options.now ? { now: options.now } : {}), ...options.sts });

export const sessionName = (options: StsExchangeOptions, now: () => number): string =>
  options.roleSessionName ?? `volc-openapi-${now()}`;

/**
 * Turns an STS answer into keys with their expiration; any failure is a CredentialsError that names
 * the Action and role, with the STS error (code, message, RequestId) as its `cause`.
 */
export function temporaryCredentials(
  answer: StsAnswer,
  action: string,
  roleTrn: string,
): ProvidedCredentials {
  if (answer.error) {
    const detail = isRpcError(answer.error)
      ? `${answer.error.Code}: ${answer.error.Message}${answer.error.RequestId ? ` (RequestId ${answer.error.RequestId})` : ''}`
      : String(answer.error);
    throw new CredentialsError(`STS ${action} for role ${roleTrn} failed: ${detail}`, {
      cause: answer.error,
    });
  }
  const set = answer.data?.Result?.Credentials;
  const expiry = set?.ExpiredTime ?? set?.Expiration;
  if (!set?.AccessKeyId || !set.SecretAccessKey || !set.SessionToken || !expiry)
    throw new CredentialsError(
      `STS ${action} for role ${roleTrn} answered without a complete credential set (AccessKeyId, SecretAccessKey, SessionToken, ExpiredTime)`,
    );
  if (!RFC3339.test(expiry))
    throw new CredentialsError(
      `STS ${action} for role ${roleTrn} answered an expiry that is not an RFC 3339 time: ${JSON.stringify(expiry)}`,
    );
  return {
    accessKeyId: set.AccessKeyId,
    secretAccessKey: set.SecretAccessKey,
    sessionToken: set.SessionToken,
    expiration: new Date(expiry),
  };
}

/** Wraps an exchange in the runtime's cache, so clients that share the provider share its refreshes. */
export const refreshing = (
  exchange: () => Promise<ProvidedCredentials>,
  options: StsExchangeOptions,
): CachingCredentialsProvider =>
  cachedCredentials(exchange, {
    ...(options.refreshBeforeMs !== undefined ? { refreshBeforeMs: options.refreshBeforeMs } : {}),
    ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
