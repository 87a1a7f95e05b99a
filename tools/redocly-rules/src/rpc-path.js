// Shared facts about Action/Version RPC path keys, used by several rules.

export const PATH_KEY = /^\/\?Action=([A-Za-z][A-Za-z0-9]*)&Version=(\d{4})-(\d{2})-(\d{2})$/;
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
export const RPC_METHODS = ['get', 'post'];

/**
 * Splits a path key such as `/?Action=OpenDeleteResource&Version=2022-01-01`.
 * @param {string} key
 * @returns {{ action: string, version: string, validDate: boolean } | undefined}
 */
export function parsePathKey(key) {
  const match = PATH_KEY.exec(key);
  if (!match) return undefined;
  const [, action, year, month, day] = match;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  const validDate =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() + 1 === Number(month) &&
    date.getUTCDate() === Number(day);
  return { action: /** @type {string} */ (action), version: `${year}-${month}-${day}`, validDate };
}

/**
 * The operationId an operation must carry: the Action itself, or, for an Action that the spec also
 * describes at other Versions, `{Action}_{YYYYMMDD}` for every Version but the newest.
 * @param {string} action
 * @param {string} version
 * @param {boolean} newest whether this is the newest Version of the Action in the spec
 */
export function expectedOperationId(action, version, newest) {
  return newest ? action : `${action}_${version.replaceAll('-', '')}`;
}
