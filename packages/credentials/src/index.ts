/**
 * @volc-openapi/credentials — where the keys of a Volcengine client come from when they are not
 * long-term keys in code: STS AssumeRole, STS AssumeRoleWithOIDC, the official CLI's named profiles,
 * and a default chain over all of them. Node only (files and the environment). Every provider is a
 * `credentials` value for any generated client (`createVmsClient({ credentials: fromAssumeRole(...) })`).
 */

export {
  type CachingCredentialsProvider,
  CredentialsError,
  type CredentialsInput,
  type CredentialsProvider,
  isCredentialsError,
  type ProvidedCredentials,
} from '@volc-openapi/runtime';
export { type AssumeRoleOptions, fromAssumeRole } from './assume-role.ts';
export type { ConfigFile, ProfileEntry } from './config-file.ts';
export { type DefaultChainOptions, defaultChain } from './default-chain.ts';
export { fromOidc, OIDC_ENV, type OidcOptions, oidcFromEnv } from './oidc.ts';
export { fromProfile, PROFILE_MODES, type ProfileOptions } from './profiles.ts';
export type { StsExchangeOptions } from './temporary.ts';
