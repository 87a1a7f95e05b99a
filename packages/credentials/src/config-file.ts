// Reads the official Volcengine CLI's config file (`~/.volcengine/config.json`): JSON with a `current`
// profile name and `profiles` by name. Errors name the file, with line and column for bad JSON.
import { readFile } from 'node:fs/promises';
import { CredentialsError } from '@volc-openapi/runtime';

/** One profile as the CLI writes it; the fields this package reads (others are ignored). */
export interface ProfileEntry {
  mode?: string;
  'access-key'?: string;
  'secret-key'?: string;
  'session-token'?: string;
  /** Unix seconds after which the keys of an `ststoken` profile no longer work. */
  'sts-expiration'?: number | string;
  'role-trn'?: string;
  'account-id'?: string;
  'role-name'?: string;
  'role-session-name'?: string;
  'duration-seconds'?: number;
  policy?: string;
  /** This package's addition (as AWS names it): the profile whose keys sign the AssumeRole call. */
  'source-profile'?: string;
  'oidc-token-file'?: string;
}

export interface ConfigFile {
  path: string;
  current?: string;
  profiles: Record<string, ProfileEntry>;
}

/** Line and column of a character offset, for JSON errors. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/** The file, or undefined when it does not exist. Malformed content is a CredentialsError naming it. */
export async function readConfigFile(path: string): Promise<ConfigFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CredentialsError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // V8 says "... at position N" or "Unexpected end of JSON input"; its message may quote content, so
    // only the place is kept.
    const offset = /position (\d+)/.exec(String((error as Error).message))?.[1] ?? text.length;
    const where = `${path}:${position(text, Number(offset))}`;
    throw new CredentialsError(`${where}: not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CredentialsError(`${path}: expected a JSON object {"current": "...", "profiles": {...}}`);
  const { current, profiles = {} } = parsed as { current?: unknown; profiles?: unknown };
  if (current !== undefined && typeof current !== 'string')
    throw new CredentialsError(`${path}: "current" must be a profile name (a string)`);
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles))
    throw new CredentialsError(`${path}: "profiles" must be an object of profiles by name`);
  for (const [name, entry] of Object.entries(profiles))
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new CredentialsError(`${path}: profiles.${name} must be an object`);
  return { path, ...(current ? { current } : {}), profiles: profiles as Record<string, ProfileEntry> };
}
