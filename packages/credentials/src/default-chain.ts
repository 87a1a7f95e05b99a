// The default chain for Node, in the order of the official Volcengine SDKs: environment keys, OIDC
// when its variables are set, a named profile, then the flat ~/.volc/config.
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  type CachingCredentialsProvider,
  type CredentialsProvider,
  cachedCredentials,
  chainCredentials,
  fromEnv,
  fromSharedConfig,
} from '@volc-openapi/runtime';
import { oidcFromEnv } from './oidc.ts';
import { fromProfile, type ProfileOptions } from './profiles.ts';

export type DefaultChainOptions = Omit<ProfileOptions, 'profile' | 'file'>;

/**
 * Environment (`VOLC_ACCESSKEY`, `VOLC_SECRETKEY`, `VOLC_SESSION_TOKEN`) → OIDC (when
 * `VOLCENGINE_OIDC_ROLE_TRN` and `VOLCENGINE_OIDC_TOKEN_FILE` are set) → the profile of
 * `~/.volcengine/config.json` (`VOLC_PROFILE` selects one; a role profile assumes its role) →
 * `~/.volc/config`. The first source that has keys wins; a source that is set up wrongly throws a
 * `CredentialsError` rather than being skipped. Temporary keys are refreshed before they expire.
 */
export function defaultChain(options: DefaultChainOptions = {}): CachingCredentialsProvider {
  const env = options.env ?? process.env;
  const home = options.home ?? homedir();
  const oidc = oidcFromEnv(env, options);
  const providers: CredentialsProvider[] = [
    fromEnv(env),
    ...(oidc ? [oidc] : []),
    fromProfile({ ...options, env, home }),
    fromSharedConfig({ path: join(home, '.volc', 'config') }),
  ];
  return cachedCredentials(chainCredentials(...providers), {
    ...(options.refreshBeforeMs !== undefined ? { refreshBeforeMs: options.refreshBeforeMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
