/** Input checks. Messages name the problem and never repeat a secret access key or a session token. */
import { fail } from './errors.ts';
import type { Credentials } from './types.ts';

/** An HTTP token (method or header name). */
export const TOKEN: RegExp = /^[!#$%&'*+.^`|~\w-]+$/;
/** Header names the signer computes itself. */
const COMPUTED = ['host', 'x-date', 'x-content-sha256', 'x-security-token'];

// The last credentials and scope that passed, so a hot signing loop skips re-checking them.
let okCredentials: [string, string, string | undefined] | undefined;
let okScope: [string, string] | undefined;

/** Checks credentials and returns them. */
export const checkCredentials = (credentials: Credentials): Credentials => {
  const {
    accessKeyId: id,
    secretAccessKey: secret,
    sessionToken: token,
  } = Object(credentials) as Credentials;
  const ok = okCredentials;
  if (!(ok && id === ok[0] && secret === ok[1] && token === ok[2])) {
    for (const [name, value, rule, pattern] of [
      ['accessKeyId', id, 'non-empty visible ASCII without "/" or ","', /^[!-+\--.0-~]+$/],
      ['secretAccessKey', secret, 'a non-empty string', /^[\s\S]/],
      ['sessionToken', token ?? '', 'visible ASCII', /^[!-~]*$/],
    ] as const) {
      if (typeof value !== 'string' || !pattern.test(value)) {
        fail('InvalidCredentials', `credentials.${name} must be ${rule}`);
      }
    }
    okCredentials = [id, secret, token];
  }
  return credentials;
};

/** Region and service: 1-64 characters of `[A-Za-z0-9_-]` (service names such as `ImageX` have capitals). */
export const checkScope = (region: string, service: string): void => {
  if (okScope && region === okScope[0] && service === okScope[1]) return;
  for (const [what, value] of [
    ['region', region],
    ['service', service],
  ]) {
    if (typeof value !== 'string' || !value) fail('InvalidScope', `${what} is missing or empty`);
    if (!/^[\w-]{1,64}$/.test(value as string)) {
      fail(
        'InvalidScope',
        `${what} ${JSON.stringify(value)} ${(value as string).length > 64 ? 'is longer than 64 characters' : 'contains a character outside [A-Za-z0-9_-]'}`,
      );
    }
  }
  okScope = [region, service];
};

export const checkMethod = (method: string): string =>
  method === 'POST' || method === 'GET'
    ? method
    : TOKEN.test(method)
      ? method.toUpperCase()
      : fail('InvalidMethod', `method ${JSON.stringify(String(method))} is not an HTTP token`);

/** Lowercased extra header names, without the ones the signer computes; rejects non-names and Authorization. */
export const checkSignHeaders = (names: readonly string[] = []): string[] =>
  [...names]
    .map((raw) =>
      typeof raw === 'string' && TOKEN.test(raw) && !/^authorization$/i.test(raw)
        ? raw.toLowerCase()
        : fail('InvalidHeader', `signHeaders: ${JSON.stringify(String(raw))} is not a signable header name`),
    )
    .filter((name, i, all) => !COMPUTED.includes(name) && all.indexOf(name) === i);

export const checkHeaderValue = (name: string, value: string): string =>
  /^[\t -~]*$/.test(value)
    ? value
    : fail('InvalidHeader', `signed header "${name}" has a control or non-ASCII character`);

export const checkBodySha256 = (hash: string): string =>
  typeof hash === 'string' && /^[\da-f]{64}$/i.test(hash)
    ? hash.toLowerCase()
    : fail('InvalidBodyHash', 'bodySha256 must be 64 hexadecimal characters');

export const checkUrl = (url: string | URL): URL => {
  try {
    const parsed = new URL(typeof url === 'string' ? url : url.href);
    if (/^https?:$/.test(parsed.protocol) && parsed.host) return parsed;
  } catch {}
  return fail('InvalidUrl', `url "${String(url).slice(0, 100)}" is not an absolute http: or https: URL`);
};

export const checkExpires = (seconds: number): number =>
  Number.isInteger(seconds) && seconds > 0 && seconds <= 604800
    ? seconds
    : fail(
        'InvalidExpires',
        `expiresInSeconds must be a whole number from 1 to 604800, got ${String(seconds)}`,
      );
