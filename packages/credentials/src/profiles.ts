// Named profiles of the official Volcengine CLI's config file, as its SDKs read them: static keys,
// session keys, a role assumed with inline keys or with another profile's (`source-profile`), OIDC.
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  CredentialsError,
  type CredentialsInput,
  type CredentialsProvider,
  type ProvidedCredentials,
} from '@volc-openapi/runtime';
import { fromAssumeRole } from './assume-role.ts';
import { type ConfigFile, type ProfileEntry, readConfigFile } from './config-file.ts';
import { fromOidc } from './oidc.ts';
import type { StsExchangeOptions } from './temporary.ts';

export interface ProfileOptions
  extends Omit<StsExchangeOptions, 'roleSessionName' | 'durationSeconds' | 'policy'> {
  /** The profile; default `VOLC_PROFILE`, then `VOLCENGINE_PROFILE`, then the file's `current`, then `default`. */
  profile?: string;
  /** The file; default `VOLCENGINE_CLI_CONFIG_FILE`, then `~/.volcengine/config.json`. */
  file?: string;
  /** Environment to read the variables above from; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Home folder; default the user's. */
  home?: string;
}

/** Modes of the official CLI this package resolves (lower case; the file may use any case). */
export const PROFILE_MODES = ['ak', 'ststoken', 'ramrolearn', 'iamrole', 'oidc'] as const;

/** The file and profile name the options and environment select, and whether the choice was explicit. */
function selection(options: ProfileOptions) {
  const env = options.env ?? process.env;
  const file =
    options.file ??
    env.VOLCENGINE_CLI_CONFIG_FILE ??
    join(options.home ?? homedir(), '.volcengine', 'config.json');
  const named = options.profile ?? env.VOLC_PROFILE ?? env.VOLCENGINE_PROFILE;
  const by = options.profile
    ? 'the `profile` option'
    : env.VOLC_PROFILE
      ? 'VOLC_PROFILE'
      : 'VOLCENGINE_PROFILE';
  return { file, named, by };
}

/**
 * Credentials of a named profile. Resolved on first use and kept (a role profile refreshes its keys
 * itself). No file, or no profile named anywhere and no `default` one: undefined, so a chain goes on.
 * A profile named but missing, a cycle of `source-profile`s, a malformed file or entry, an unsupported
 * mode: a `CredentialsError` naming the file and the entry.
 */
export function fromProfile(options: ProfileOptions = {}): CredentialsProvider {
  let resolved: Promise<CredentialsProvider | undefined> | undefined;
  const resolve = async () => {
    const { file: path, named, by } = selection(options);
    const file = await readConfigFile(path);
    if (!file) {
      if (named)
        throw new CredentialsError(`profile "${named}" is selected by ${by}, but ${path} does not exist`);
      return undefined;
    }
    const name = named ?? file.current ?? 'default';
    if (!file.profiles[name]) {
      if (!named && !file.current) return undefined;
      throw new CredentialsError(
        `${path}: no profile "${name}" (selected by ${named ? by : '"current"'}); profiles: ${Object.keys(file.profiles).join(', ') || 'none'}`,
      );
    }
    return profileProvider(file, name, [], options);
  };
  return async (): Promise<ProvidedCredentials | undefined> => {
    resolved ??= resolve().catch((error: unknown) => {
      resolved = undefined; // a corrected file is read again on the next call
      throw error;
    });
    const provider = await resolved;
    return provider?.();
  };
}

function profileProvider(
  file: ConfigFile,
  name: string,
  trail: string[],
  options: ProfileOptions,
): CredentialsProvider {
  const entry = file.profiles[name] as ProfileEntry;
  const at = `${file.path}: profiles.${name}`;
  const roleTrn =
    entry['role-trn'] ??
    (entry['account-id'] && entry['role-name']
      ? `trn:iam::${entry['account-id']}:role/${entry['role-name']}`
      : undefined);
  // A profile that names a role and a source profile needs no mode.
  const mode = (entry.mode || (roleTrn || entry['source-profile'] ? 'ramrolearn' : 'ak')).toLowerCase();
  const exchange = {
    ...options,
    ...(entry['role-session-name'] ? { roleSessionName: entry['role-session-name'] } : {}),
    ...(entry['duration-seconds'] !== undefined
      ? { durationSeconds: Number(entry['duration-seconds']) }
      : {}),
    ...(entry.policy ? { policy: entry.policy } : {}),
  };
  switch (mode) {
    case 'ak': {
      const keys = staticKeys(entry, at);
      return () => keys;
    }
    case 'ststoken': {
      const keys = sessionKeys(entry, at);
      return () => keys;
    }
    case 'ramrolearn':
    case 'iamrole': {
      if (!roleTrn)
        throw new CredentialsError(
          `${at}: mode ${entry.mode ?? mode} needs "role-trn" (or "account-id" and "role-name")`,
        );
      const source = sourceOf(file, name, trail, options);
      return fromAssumeRole({ ...exchange, roleTrn, source });
    }
    case 'oidc': {
      const tokenFile = entry['oidc-token-file'];
      if (!roleTrn || !tokenFile)
        throw new CredentialsError(`${at}: mode oidc needs "role-trn" and "oidc-token-file"`);
      return fromOidc({ ...exchange, roleTrn, tokenFile });
    }
    default:
      throw new CredentialsError(
        `${at}: mode "${entry.mode}" is not supported here (supported: ${PROFILE_MODES.join(', ')}; sso, console-login and ecsrole are not)`,
      );
  }
}

/** The keys that sign a role profile's AssumeRole: its `source-profile`'s, else its own. */
function sourceOf(
  file: ConfigFile,
  name: string,
  trail: string[],
  options: ProfileOptions,
): CredentialsInput {
  const source = file.profiles[name]?.['source-profile'];
  if (source === undefined)
    return staticKeys(file.profiles[name] as ProfileEntry, `${file.path}: profiles.${name}`);
  const path = [...trail, name];
  if (path.includes(source))
    throw new CredentialsError(
      `${file.path}: profiles.${name}.source-profile makes a cycle: ${[...path.slice(path.indexOf(source)), source].join(' → ')}`,
    );
  if (!file.profiles[source])
    throw new CredentialsError(
      `${file.path}: profiles.${name}.source-profile names "${source}", which is not a profile`,
    );
  return profileProvider(file, source, path, options);
}

function staticKeys(entry: ProfileEntry, at: string): ProvidedCredentials {
  const accessKeyId = entry['access-key'];
  const secretAccessKey = entry['secret-key'];
  const missing = [!accessKeyId && '"access-key"', !secretAccessKey && '"secret-key"'].filter(Boolean);
  if (missing.length || typeof accessKeyId !== 'string' || typeof secretAccessKey !== 'string')
    throw new CredentialsError(`${at}: ${missing.join(' and ') || 'the keys'} must be set (as strings)`);
  const sessionToken = entry['session-token'];
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

function sessionKeys(entry: ProfileEntry, at: string): ProvidedCredentials {
  const keys = staticKeys(entry, at);
  if (!keys.sessionToken) throw new CredentialsError(`${at}: mode ststoken needs "session-token"`);
  const expiry = entry['sts-expiration'];
  if (expiry === undefined || expiry === '') return keys;
  const seconds = Number(expiry);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new CredentialsError(`${at}: "sts-expiration" must be a Unix time in seconds`);
  return { ...keys, expiration: new Date(seconds * 1000) };
}
