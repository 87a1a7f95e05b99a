// The reference algorithm against the official Node SDK's signer (@volcengine/openapi), on generated
// requests: the same Authorization for every method, path, query and signed header set the official
// signer can be fed (it never signs Content-Type, so none is signed here).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadSha256, referenceAuthorization, signingSteps } from '../src/index.ts';
import { officialAuthorization, officialSignsName } from '../src/official.ts';

const X_DATE = '20250528T113938Z';
const DATE = new Date('2025-05-28T11:39:38Z');
const credentials = { accessKeyId: 'AKLTreferencekey', secretAccessKey: 'reference-secret' };

// Any names: ASCII with reserved characters, non-ASCII, astral; only the official signer's own two
// defects are left out (see officialSignsName).
const name = fc
  .oneof(
    fc.stringMatching(/^[\x20-\x7e]{1,8}$/),
    fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }),
    fc.string({ minLength: 1, maxLength: 4, unit: 'binary' }),
  )
  .filter(officialSignsName);
const value = fc.string({ maxLength: 16, unit: 'grapheme' });
const request = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  path: fc.constantFrom('/', '/a/b'),
  // Names repeat (the same name with several values) as often as they differ.
  query: fc.array(
    fc.tuple(fc.oneof(name, fc.constantFrom('Id', 'é', 'a b', 'a:', 'a0', 'valueOf', '😀', '\uff21')), value),
    { maxLength: 6 },
  ),
  body: fc.string({ maxLength: 64 }),
  extra: fc.option(fc.constantFrom('x-trace', 'x-custom'), { nil: undefined }),
  service: fc.constantFrom('vms', 'volcSMS', 'sts'),
  region: fc.constantFrom('cn-beijing', 'cn-north-1'),
});

describe('the reference signature', () => {
  it('equals the official SDK signer on generated requests', () => {
    fc.assert(
      fc.property(request, (r) => {
        const url = new URL(`https://rpc.example.test${r.path}`);
        for (const [n, v] of r.query) url.searchParams.append(n, v);
        const hash = payloadSha256(r.body);
        const extra = r.extra ? { [r.extra]: 'on' } : {};
        const ours = referenceAuthorization({
          method: r.method,
          url,
          headers: { 'x-content-sha256': hash, 'x-date': X_DATE, ...extra },
          payloadSha256: hash,
          ...credentials,
          region: r.region,
          service: r.service,
          xDate: X_DATE,
        });
        const theirs = officialAuthorization({
          method: r.method,
          url: url.href,
          headers: extra,
          payloadHash: hash,
          credentials,
          region: r.region,
          service: r.service,
          date: DATE,
        });
        expect(ours).toBe(theirs);
      }),
      { numRuns: 1000, seed: 20261207 },
    );
  });

  it('keeps each step: scope, string to sign and the key chain end in the signature', () => {
    const steps = signingSteps({
      method: 'post',
      url: 'https://rpc.example.test/?Action=X&Version=2024-01-01',
      headers: { 'x-date': X_DATE },
      payloadSha256: payloadSha256(),
      ...credentials,
      region: 'cn-beijing',
      service: 'vms',
      xDate: X_DATE,
    });
    expect(steps.credentialScope).toBe('20250528/cn-beijing/vms/request');
    expect(steps.canonicalRequest.split('\n').slice(0, 3)).toEqual([
      'POST',
      '/',
      'Action=X&Version=2024-01-01',
    ]);
    expect(steps.stringToSign.split('\n')).toEqual([
      'HMAC-SHA256',
      X_DATE,
      steps.credentialScope,
      steps.canonicalRequestSha256,
    ]);
    expect(steps.signedHeaders).toBe('host;x-date');
    expect(steps.authorization).toMatch(new RegExp(`Signature=${steps.signature}$`));
  });
});
