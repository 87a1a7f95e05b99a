// STS AssumeRole: temporary keys of an IAM role, asked for with the caller's own (source) keys.
import type { CachingCredentialsProvider, CredentialsInput } from '@volc-openapi/runtime';
import {
  refreshing,
  type StsExchangeOptions,
  sessionName,
  stsClient,
  temporaryCredentials,
} from './temporary.ts';

export interface AssumeRoleOptions extends StsExchangeOptions {
  /** The role, `trn:iam::<AccountId>:role/<RoleName>`. */
  roleTrn: string;
  /**
   * The keys that sign the AssumeRole call: a key pair or a provider, e.g. another `fromAssumeRole`
   * (role chaining: each hop refreshes on its own).
   */
  source: CredentialsInput;
}

/**
 * Temporary keys of a role from STS AssumeRole, called through the generated STS client and signed with
 * `source`. They are refreshed before they expire; concurrent calls share one refresh, and every client
 * given this provider shares its keys. A refusal by STS is a `CredentialsError` naming the role.
 */
export function fromAssumeRole(options: AssumeRoleOptions): CachingCredentialsProvider {
  const { roleTrn, source, durationSeconds, policy } = options;
  const now = options.now ?? Date.now;
  const sts = stsClient({ ...options, sts: { ...options.sts, credentials: source } });
  return refreshing(async () => {
    const answer = await sts.AssumeRole({
      RoleTrn: roleTrn,
      RoleSessionName: sessionName(options, now),
      ...(durationSeconds !== undefined ? { DurationSeconds: durationSeconds } : {}),
      ...(policy !== undefined ? { Policy: policy } : {}),
    });
    return temporaryCredentials(answer, 'AssumeRole', roleTrn);
  }, options);
}
