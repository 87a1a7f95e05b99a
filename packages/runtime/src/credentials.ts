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
export const NO_CREDENTIALS =
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
  /** Clock in ms; default `Date.now`. */
  now?: () => number;
}

/**
 * Caches a provider's temporary credentials until `refreshBeforeMs` before their `expiration`; keys
 * without `expiration` are asked for again on every call, so a provider can rotate them. Concurrent
 * calls share one refresh; if a refresh fails while the cached keys are still valid, those are used.
 * Throws {@link CredentialsError} when the provider has none.
 */
export function cachedCredentials(
  provider: CredentialsProvider,
  { refreshBeforeMs = 300_000, now = Date.now }: CachedCredentialsOptions = {},
): () => Promise<ProvidedCredentials> {
  let cached: ProvidedCredentials | undefined;
  let pending: Promise<ProvidedCredentials> | undefined;
  const expiry = () => cached?.expiration?.getTime() ?? 0;
  const refresh = async () => {
    try {
      const found = await provider();
      if (!usable(found)) throw new CredentialsError(NO_CREDENTIALS);
      cached = found;
      return found;
    } catch (error) {
      if (now() < expiry()) return cached as ProvidedCredentials;
      throw error;
    } finally {
      pending = undefined;
    }
  };
  return async () => {
    if (now() < expiry() - refreshBeforeMs) return cached as ProvidedCredentials;
    pending ??= refresh();
    return pending;
  };
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
