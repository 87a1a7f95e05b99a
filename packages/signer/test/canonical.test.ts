import { describe, expect, it, vi } from 'vitest';
import {
  canonicalHeaderValue,
  canonicalHost,
  canonicalQuery,
  canonicalRequest,
  encodeComponent,
  formatXDate,
  parseXDate,
  sameString,
  sortHeaders,
} from '../src/core/canonical.ts';
import { createKeyCache } from '../src/core/key-cache.ts';

describe('encodeComponent', () => {
  it.each([
    ['AZaz09-_.~', 'AZaz09-_.~'],
    [' ', '%20'],
    ['*', '%2A'],
    ["!'()", '%21%27%28%29'],
    ['+=&/?#', '%2B%3D%26%2F%3F%23'],
    ['é', '%C3%A9'],
    ['中', '%E4%B8%AD'],
    ['😀', '%F0%9F%98%80'],
    ['\u0000', '%00'],
    ['%', '%25'],
  ])('%j → %s', (input, output) => expect(encodeComponent(input)).toBe(output));
});

describe('canonicalQuery', () => {
  const q = (search: string) => canonicalQuery(new URLSearchParams(search));
  it('sorts by raw name, then encoded value', () => {
    expect(q('b=2&a=1&a=0')).toBe('a=0&a=1&b=2');
    expect(q('a-b=1&a=2')).toBe('a=2&a-b=1');
    expect(q('x=b&x=%20&x=B&x=~')).toBe('x=%20&x=B&x=b&x=~');
  });
  it('reads + as a space, keeps empty values and names', () => {
    expect(q('a=b+c&flag&e=')).toBe('a=b%20c&e=&flag=');
    expect(q('=v&a=1')).toBe('=v&a=1');
    expect(q('')).toBe('');
  });
  it('orders names before encoding them, as the official SDKs do', () => {
    expect(q('%C3%A9=1&z=2&~=3')).toBe('z=2&~=3&%C3%A9=1');
    expect(q('a%3A=1&a0=2&a=3')).toBe('a=3&a0=2&a%3A=1');
    // UTF-16 code units: a name above U+FFFF (a surrogate pair) sorts before one in U+E000–U+FFFF.
    expect(q('%EF%BC%A1=1&%F0%9F%98%80=2')).toBe('%F0%9F%98%80=2&%EF%BC%A1=1');
  });
  it('keeps names that hold a NUL apart from shorter names', () => {
    expect(q('a%00b=1&a=2&a=%00')).toBe('a=%00&a=2&a%00b=1');
  });
});

describe('headers', () => {
  it.each([
    ['a', 'a'],
    ['  a  ', 'a'],
    ['a   b', 'a b'],
    ['a\t\tb', 'a b'],
    [' \t a \t b \t ', 'a b'],
    ['a b', 'a b'],
    ['', ''],
    ['   ', ''],
  ])('value %j → %j', (input, output) => expect(canonicalHeaderValue(input)).toBe(output));

  it.each([
    ['example.com', 'example.com'],
    ['example.com:443', 'example.com'],
    ['example.com:80', 'example.com'],
    ['example.com:8080', 'example.com:8080'],
    ['example.com:4430', 'example.com:4430'],
    ['[::1]:443', '[::1]'],
    ['[::80]', '[::80]'],
  ])('host %s → %s', (input, output) => expect(canonicalHost(input)).toBe(output));

  it('sorts header lists by name', () => {
    expect(
      sortHeaders([
        ['x-date', '1'],
        ['host', '2'],
        ['content-type', '3'],
        ['x-content-sha256', '4'],
      ]).map((h) => h[0]),
    ).toEqual(['content-type', 'host', 'x-content-sha256', 'x-date']);
  });
});

describe('canonicalRequest', () => {
  it('lays out method, path, query, header block, blank line, names and hash', () => {
    expect(canonicalRequest('GET', '', 'a=1', [['host', 'h']], 'host', 'HASH')).toBe(
      'GET\n/\na=1\nhost:h\n\nhost\nHASH',
    );
  });
});

describe('X-Date', () => {
  it('formats UTC to the second', () => {
    expect(formatXDate(new Date('2025-05-28T03:39:31.999Z'))).toBe('20250528T033931Z');
    expect(formatXDate(new Date('2025-05-28T03:39:32.000Z'))).toBe('20250528T033932Z');
    expect(formatXDate(new Date('1969-12-31T23:59:59.500Z'))).toBe('19691231T235959Z');
    expect(formatXDate(new Date('0000-01-01T00:00:00Z'))).toBe('00000101T000000Z');
    expect(formatXDate(new Date('9999-12-31T23:59:59Z'))).toBe('99991231T235959Z');
  });
  it('rejects what cannot be written in that form', () => {
    expect(formatXDate(new Date(Number.NaN))).toBeUndefined();
    expect(formatXDate(new Date('+010000-01-01T00:00:00Z'))).toBeUndefined();
    expect(formatXDate(new Date('-000001-12-31T23:59:59Z'))).toBeUndefined();
    expect(formatXDate('2025' as unknown as Date)).toBeUndefined();
  });
  it('parses only real, well-formed dates', () => {
    expect(parseXDate('20250528T033931Z')).toBe(Date.parse('2025-05-28T03:39:31Z'));
    for (const bad of [
      '20250230T000000Z',
      '20250528T246000Z',
      '20250528T033931',
      '2025-05-28T03:39:31Z',
      '',
      'x',
    ]) {
      expect(parseXDate(bad)).toBeUndefined();
    }
  });
});

describe('sameString', () => {
  it('compares', () => {
    expect(sameString('abc', 'abc')).toBe(true);
    expect(sameString('abc', 'abd')).toBe(false);
    expect(sameString('abc', 'ab')).toBe(false);
    expect(sameString('', '')).toBe(true);
  });
});

describe('signing key cache', () => {
  it('derives once per (secret, date, region, service) and stays bounded', () => {
    const signingKey = vi.fn(
      (secret: string, date: string, region: string, service: string) =>
        `${secret}|${date}|${region}|${service}`,
    );
    const key = createKeyCache({ sha256Hex: () => '', hmacHex: () => '', signingKey }, 4);
    expect(key('s', '20250528', 'r', 'v')).toEqual({ scope: '20250528/r/v/request', key: 's|20250528|r|v' });
    key('s', '20250528', 'r', 'v');
    expect(signingKey).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) key(`s${i}`, '20250528', 'r', 'v');
    expect(signingKey).toHaveBeenCalledTimes(11);
    // The oldest entries were evicted; the newest are still there.
    key('s9', '20250528', 'r', 'v');
    key('s8', '20250528', 'r', 'v');
    expect(signingKey).toHaveBeenCalledTimes(11);
    key('s', '20250528', 'r', 'v');
    expect(signingKey).toHaveBeenCalledTimes(12);
    // A secret that contains the separator cannot collide with another tuple.
    expect(key('a\nb', '20250528', 'r', 'v').key).not.toBe(key('a', '20250528', 'r', 'b\nv').key);
  });
});
