/** Pure string builders for the Volcengine HMAC-SHA256 canonical request and its neighbours. */

export const ALGORITHM = 'HMAC-SHA256';
/** SHA-256 of zero bytes. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A header, as `[lowercase name, canonical value]`. */
export type HeaderList = [string, string][];

/** UTF-8 percent-encoding that keeps only `A-Za-z0-9-_.~` (space → %20, `*` → %2A, uppercase hex). */
export const encodeComponent = (text: string): string =>
  /^[\w.~-]*$/.test(text)
    ? text
    : encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Canonical query: every (name, value) pair, sorted by the raw name (UTF-16 code units) and then by the
 * encoded value, written `encoded name=encoded value` and joined with `&`. The names are sorted before
 * they are encoded because the official SDKs do so: sorting encoded names instead puts `%C3%A9` before
 * `a` and `a%3A` before `a0`, and their requests would not verify. Parameters are read the way servers
 * read them (`+` is a space).
 */
export const canonicalQuery = (params: URLSearchParams): string =>
  [...params]
    .map(([name, value]) => [name, encodeComponent(value)] as const)
    // -1 when (a, x) comes first, else 1 (written short: the browser entry has a byte budget).
    .sort(([a, x], [b, y]) => -(a === b ? x < y : a < b) || 1)
    .map(([name, value]) => `${encodeComponent(name)}=${value}`)
    .join('&');

/** Header value as signed: runs of spaces/tabs become one space, leading/trailing ones are dropped. */
export const canonicalHeaderValue = (value: string): string =>
  /^[ \t]|[ \t]$|\t| {2}/.test(value) ? value.replace(/[ \t]+/g, ' ').replace(/^ | $/g, '') : value;

/** Host as signed: `host[:port]` without a `:80` or `:443` suffix. */
export const canonicalHost = (host: string): string => host.replace(/:(?:80|443)$/, '');

/** Signed header names joined with `;`, in list order. */
export const headerNames = (headers: HeaderList): string => {
  let names = '';
  for (const [name] of headers) names += names ? `;${name}` : name;
  return names;
};

/** Insertion sort by name: the lists are short and nearly sorted already. */
export const sortHeaders = (list: HeaderList): HeaderList => {
  for (let i = 1; i < list.length; i++) {
    const entry = list[i] as [string, string];
    let j = i;
    for (; j > 0 && (list[j - 1] as [string, string])[0] > entry[0]; j--)
      list[j] = list[j - 1] as [string, string];
    list[j] = entry;
  }
  return list;
};

/**
 * The canonical request. `headers` are lowercase names with canonical values, in signing order, and
 * `signedHeaders` their names joined by `;`.
 */
export const canonicalRequest = (
  method: string,
  path: string,
  query: string,
  headers: HeaderList,
  signedHeaders: string,
  payloadHash: string,
): string => {
  let block = '';
  for (const [name, value] of headers) block += `${name}:${value}\n`;
  return `${method}\n${path || '/'}\n${query}\n${block}\n${signedHeaders}\n${payloadHash}`;
};

export const credentialScope = (date: string, region: string, service: string): string =>
  `${date}/${region}/${service}/request`;

export const stringToSign = (xDate: string, scope: string, canonicalRequestHash: string): string =>
  `${ALGORITHM}\n${xDate}\n${scope}\n${canonicalRequestHash}`;

export const authorization = (
  accessKeyId: string,
  scope: string,
  signedHeaders: string,
  signature: string,
): string =>
  `${ALGORITHM} Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;

let lastSecond: number | undefined;
let lastXDate = '';

/** `YYYYMMDD'T'HHMMSS'Z'` in UTC, or undefined for an invalid date or one outside the years 0000–9999. */
export const formatXDate = (date: Date): string | undefined => {
  const second = Math.floor((date instanceof Date ? date.getTime() : Number.NaN) / 1000);
  if (second !== lastSecond) {
    // Years 0000..9999 are the ones toISOString writes with exactly four digits.
    if (!(second >= -62167219200 && second < 253402300800)) return undefined;
    lastXDate = new Date(second * 1000).toISOString().replace(/[-:]|\.\d+/g, '');
    lastSecond = second;
  }
  return lastXDate;
};

/** Milliseconds since the epoch for a well-formed, real X-Date; undefined otherwise. */
export const parseXDate = (text: string): number | undefined => {
  const time = Date.parse(text.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  // The round trip rejects every text that is not exactly the X-Date of a real instant.
  return formatXDate(new Date(time)) === text ? time : undefined;
};

/** Compares two strings without an early exit. */
export const sameString = (a: string, b: string): boolean => {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
};
