// Requests signed by the official Node SDK's signer (@volcengine/openapi) verify at the mock whatever
// their query holds: non-ASCII and reserved characters in names and values, repeated names, empty values.
// The official signer sorts names before percent-encoding them; the mock (through @volc-openapi/signer)
// must build the same canonical query, or such requests fail with SignatureDoesNotMatch.
import { officialAuthorization, officialSignsName } from '@volc-openapi/signing-reference/official';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, type RunningMockServer } from '../src/index.ts';
import { realSpec, start } from './helpers.ts';

const PATH = '/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SEED = 20_260_301;

// Names the official signer signs correctly (officialSignsName), except the ones that steer the mock:
// routing (Action, Version), the operation's own Type, and the presign parameters (X-…).
const steersTheMock = (name: string) => /^(Action|Version|Type)$|^x-/i.test(name);
const name = fc
  .oneof(
    fc.stringMatching(/^[\x20-\x7e]{1,8}$/),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
    fc.constantFrom('Id', 'a:', 'a0', 'é', '中文', '😀', '\uff21', 'a b', '%', '+', '&', '='),
  )
  .filter((text) => officialSignsName(text) && !steersTheMock(text));
const value = fc.oneof(
  fc.string({ maxLength: 12, unit: 'grapheme' }),
  fc.string({ maxLength: 6, unit: 'binary' }),
  fc.constantFrom('', ' ', '+', '%', '%20', '&=', '中文', "!'()*~"),
);

let server: RunningMockServer;
beforeAll(async () => {
  server = await start(realSpec());
});
afterAll(() => server.close());

/** Sends a GET signed by the official signer (Host, X-Date and X-Content-Sha256 signed, as it does). */
async function sendOfficiallySigned(query: [string, string][]) {
  const url = new URL(server.url + PATH);
  for (const [n, v] of query) url.searchParams.append(n, v);
  const date = new Date();
  const authorization = officialAuthorization({
    method: 'GET',
    url: url.href,
    headers: {},
    payloadHash: EMPTY_SHA256,
    credentials: MOCK_CREDENTIALS,
    region: 'cn-beijing',
    service: 'vms',
    date,
  });
  const response = await fetch(url, {
    headers: {
      Authorization: authorization,
      'X-Date': date.toISOString().replace(/[-:]|\.\d+/g, ''),
      'X-Content-Sha256': EMPTY_SHA256,
    },
  });
  const body = (await response.json()) as { ResponseMetadata: { Error?: { Code: string } } };
  return { status: response.status, code: body.ResponseMetadata.Error?.Code };
}

describe('requests signed by the official Node SDK', () => {
  it.each<[string, [string, string][]]>([
    ['a non-ASCII name', [['é', '1']]],
    [
      'names whose order changes when encoded',
      [
        ['a:', '1'],
        ['a0', '2'],
        ['z', '3'],
        ['~', '4'],
        ['中', '5'],
      ],
    ],
    [
      'repeated names and empty values',
      [
        ['Id', 'b'],
        ['Id', ''],
        ['Id', 'a b'],
        ['Flag', ''],
      ],
    ],
    [
      'reserved characters',
      [
        ['a&b=c', '%2B+'],
        ['?#[]', '/'],
      ],
    ],
  ])('verify with %s', async (_, query) => {
    expect(await sendOfficiallySigned(query)).toEqual({ status: 200, code: undefined });
  });

  it('verify for generated query names and values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, value), { minLength: 1, maxLength: 6 }), async (query) => {
        expect(await sendOfficiallySigned(query)).toEqual({ status: 200, code: undefined });
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
