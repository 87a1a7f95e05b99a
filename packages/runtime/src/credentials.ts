// Credential providers: static keys, chains, and caching of temporary (STS) keys until shortly
// before they expire. The env and ~/.volc/config providers live in the Node entry (node.ts).
import type { Credentials } from '@volc-openapi/signer';
import { CredentialsError } from './errors.ts';

/** Credentials as a provider returns them; `expiration` marks temporary (STS) keys. */
export interface ProvidedCredentials extends Credentials {
  /** When the keys stop working; they are refreshed shortly before. Absent for long-term keys. */
  expiration?: Date;
}

/**
 * Returns credentials, or undefined when this source has none (a chain then tries the next one).
 * It may be async, e.g. an STS AssumeRole call.
 */
export type CredentialsProvider = () =>
  | ProvidedCredentials
  | undefined
  | Promise<ProvidedCredentials | undefined>;

/** What a client accepts: a key pair, or a provider. */
export type CredentialsInput = Credentials | CredentialsProvider;

/** The message of a missing-credentials error: every way to provide them. */
export const NO_CREDENTIALS: string =
  'No Volcengine credentials: pass `credentials` (a key pair or a provider) to the client, or (Node only) ' +
  'set VOLC_ACCESSKEY and VOLC_SECRETKEY (and VOLC_SESSION_TOKEN), or write ' +
  '{"VOLC_ACCESSKEY":"…","VOLC_SECRETKEY":"…"} to ~/.volc/config';

const usable = (credentials: Credentials | undefined): credentials is Credentials =>
  !!(credentials?.accessKeyId && credentials.secretAccessKey);

/** Tries providers in order and returns the first usable credentials; undefined when none has any. */
export const chainCredentials =
  (...providers: CredentialsProvider[]): CredentialsProvider =>
  async () => {
    for (const provider of providers) {
      const found = await provider();
      if (usable(found)) return found;
    }
  };

export interface CachedCredentialsOptions {
  /** Refresh this long before `expiration`; default 5 minutes. */
  refreshBeforeMs?: number;
  /**
   * After a failed refresh while the cached keys are still valid, wait this long before trying again,
   * doubling after each further failure up to 60 s; default 1 s.
   */
  retryDelayMs?: number;
  /** Clock in ms; default `Date.now`. */
  now?: () => number;
}

// Symbol.for: a provider made by another copy of this package is recognised too.
const CACHING: unique symbol = Symbol.for('@volc-openapi/runtime.cachedCredentials');

/** A provider that already caches: clients use it as it is, so several clients share its refreshes. */
export type CachingCredentialsProvider = (() => Promise<ProvidedCredentials>) & {
  readonly [CACHING]: true;
};

const MAX_RETRY_DELAY_MS = 60_000;

const isCaching = (provider: CredentialsProvider): provider is CachingCredentialsProvider =>
  (provider as Partial<CachingCredentialsProvider>)[CACHING] === true;

/**
 * Caches a provider's temporary credentials until `refreshBeforeMs` before their `expiration`; keys
 * without `expiration` are asked for again on every call, so a provider can rotate them. Concurrent
 * calls share one refresh. If a refresh fails while the cached keys are still valid, those are used and
 * the next try waits `retryDelayMs` (doubling); expired keys are never returned. Throws
 * {@link CredentialsError} when the provider has none, or only keys that have already expired.
 */
export function cachedCredentials(
  provider: CredentialsProvider,
  { refreshBeforeMs = 300_000, retryDelayMs = 1_000, now = Date.now }: CachedCredentialsOptions = {},
): CachingCredentialsProvider {
  if (isCaching(provider)) return provider;
  let cached: ProvidedCredentials | undefined;
  let pending: Promise<ProvidedCredentials> | undefined;
  let failures = 0;
  let retryAt = 0;
  const expiry = () => cached?.expiration?.getTime() ?? 0;
  const refresh = async () => {
    try {
      const found = await provider();
      if (!usable(found)) throw new CredentialsError(NO_CREDENTIALS);
      const expiresAt = found.expiration?.getTime();
      if (expiresAt !== undefined && !(expiresAt > now()))
        throw new CredentialsError(
          `The credentials provider returned keys that expired at ${found.expiration?.toISOString()}`,
        );
      cached = found;
      failures = 0;
      return found;
    } catch (error) {
      failures++;
      retryAt = now() + Math.min(MAX_RETRY_DELAY_MS, retryDelayMs * 2 ** (failures - 1));
      if (now() < expiry()) return cached as ProvidedCredentials;
      throw error;
    } finally {
      pending = undefined;
    }
  };
  const caching = async () => {
    const time = now();
    if (time < expiry() - refreshBeforeMs) return cached as ProvidedCredentials;
    // Inside the refresh window after a failure: keep using the valid keys until the next try is due.
    if (time < expiry() && time < retryAt) return cached as ProvidedCredentials;
    pending ??= refresh();
    return pending;
  };
  return Object.assign(caching, { [CACHING]: true as const });
}

/**
 * Turns what a client was given into one async source: a key pair as is (checked for emptiness), a
 * provider through {@link cachedCredentials}, nothing → the platform's default chain (in Node:
 * environment, then ~/.volc/config), whose first find is kept.
 */
export function credentialsSource(
  input: CredentialsInput | undefined,
  defaults: CredentialsProvider | undefined,
  now?: () => number,
): () => Promise<ProvidedCredentials> {
  if (typeof input === 'function') return cachedCredentials(input, { now });
  if (input) return cachedCredentials(() => input);
  let found: ProvidedCredentials | undefined;
  const lookup = cachedCredentials(defaults ?? (() => undefined));
  return async () => {
    found ??= await lookup();
    return found;
  };
}
