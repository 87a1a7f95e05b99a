// Action/Version path keys (`/?Action=<Name>&Version=<YYYY-MM-DD>`) and the operationIds they imply:
// read here for every tool, the Redocly rules included.

export const PATH_KEY = /^\/\?Action=([A-Za-z][A-Za-z0-9]*)&Version=(\d{4}-\d{2}-\d{2})$/;

export interface PathKey {
  action: string;
  version: string;
  /** Whether the Version is a real calendar date. */
  validDate: boolean;
}

/** Splits a path key such as `/?Action=OpenDeleteResource&Version=2022-01-01`. */
export function parsePathKey(key: string): PathKey | undefined {
  const match = PATH_KEY.exec(key);
  if (!match) return undefined;
  const [, action = '', version = ''] = match;
  const date = new Date(`${version}T00:00:00Z`);
  return {
    action,
    version,
    validDate: !Number.isNaN(date.getTime()) && date.toISOString().startsWith(version),
  };
}

/**
 * The operationId of a Version of an Action that another Version of it holds the bare Action name
 * beside: `{Action}_{YYYYMMDD}`. One Version of each Action keeps the bare name (the one it was
 * released with; see spec/README.md).
 */
export function versionedOperationId(action: string, version: string): string {
  return `${action}_${version.replaceAll('-', '')}`;
}
