// STS AssumeRoleWithOIDC: temporary keys of a role for an OIDC token (e.g. a Kubernetes projected
// service-account token). The call is unsigned: the token is the proof.
import { readFile } from 'node:fs/promises';
import {
  type CachingCredentialsProvider,
  CredentialsError,
  type CredentialsProvider,
} from '@volc-openapi/runtime';
import {
  refreshing,
  type StsExchangeOptions,
  sessionName,
  stsClient,
  temporaryCredentials,
} from './temporary.ts';

export interface OidcOptions extends StsExchangeOptions {
  /** The role, `trn:iam::<AccountId>:role/<RoleName>`. */
  roleTrn: string;
  /** The OIDC token, or a function that returns the current one. Give this or `tokenFile`. */
  token?: string | (() => string | Promise<string>);
  /** A file holding the token, read again at every refresh (projected tokens rotate). */
  tokenFile?: string;
}

/** Reads the token for one exchange; a missing or empty file is an error naming the file. */
function tokenSource(options: OidcOptions): () => Promise<string> {
  const { token, tokenFile, roleTrn } = options;
  if ((token === undefined) === (tokenFile === undefined))
    throw new CredentialsError(
      `fromOidc for role ${roleTrn}: give exactly one of \`token\` and \`tokenFile\``,
    );
  if (tokenFile === undefined) return async () => (typeof token === 'function' ? token() : (token as string));
  return async () => {
    let text: string;
    try {
      text = await readFile(tokenFile, 'utf8');
    } catch (error) {
      throw new CredentialsError(
        `cannot read the OIDC token file ${tokenFile} for role ${roleTrn}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      );
    }
    if (!text.trim())
      throw new CredentialsError(`the OIDC token file ${tokenFile} for role ${roleTrn} is empty`);
    return text.trim();
  };
}

/**
 * Temporary keys of a role from STS AssumeRoleWithOIDC, sent unsigned through the generated STS client
 * (its spec declares `security: []`). The token (or token file) is read at every refresh; keys are
 * refreshed before they expire and shared by every client given this provider.
 */
export function fromOidc(options: OidcOptions): CachingCredentialsProvider {
  const { roleTrn, durationSeconds, policy } = options;
  const now = options.now ?? Date.now;
  const readToken = tokenSource(options);
  const sts = stsClient(options);
  return refreshing(async () => {
    const answer = await sts.AssumeRoleWithOIDC({
      RoleTrn: roleTrn,
      RoleSessionName: sessionName(options, now),
      OIDCToken: await readToken(),
      ...(durationSeconds !== undefined ? { DurationSeconds: durationSeconds } : {}),
      ...(policy !== undefined ? { Policy: policy } : {}),
    });
    return temporaryCredentials(answer, 'AssumeRoleWithOIDC', roleTrn);
  }, options);
}

/** The variables the official Volcengine SDKs read for OIDC (the names of volcengine-nodejs-sdk). */
export const OIDC_ENV = {
  roleTrn: 'VOLCENGINE_OIDC_ROLE_TRN',
  tokenFile: 'VOLCENGINE_OIDC_TOKEN_FILE',
  roleSessionName: 'VOLCENGINE_OIDC_ROLE_SESSION_NAME',
  policy: 'VOLCENGINE_OIDC_ROLE_POLICY',
  /** A host (`sts.volcengineapi.com`, as the official SDKs take it) or a URL. */
  endpoint: 'VOLCENGINE_OIDC_STS_ENDPOINT',
} as const;

/**
 * `fromOidc` configured by the environment: undefined when `VOLCENGINE_OIDC_ROLE_TRN` and
 * `VOLCENGINE_OIDC_TOKEN_FILE` are not both set.
 */
export function oidcFromEnv(
  env: Record<string, string | undefined>,
  options: StsExchangeOptions = {},
): CredentialsProvider | undefined {
  const roleTrn = env[OIDC_ENV.roleTrn];
  const tokenFile = env[OIDC_ENV.tokenFile];
  if (!roleTrn || !tokenFile) return undefined;
  const endpoint = env[OIDC_ENV.endpoint];
  const roleSessionName = env[OIDC_ENV.roleSessionName];
  const policy = env[OIDC_ENV.policy];
  return fromOidc({
    ...options,
    roleTrn,
    tokenFile,
    ...(roleSessionName ? { roleSessionName } : {}),
    ...(policy ? { policy } : {}),
    ...(endpoint
      ? { sts: { ...options.sts, endpoint: endpoint.includes('://') ? endpoint : `https://${endpoint}` } }
      : {}),
  });
}
