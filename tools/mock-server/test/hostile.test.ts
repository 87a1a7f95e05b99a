// Hostile input: whatever a client sends — bytes that are not HTTP, broken headers, routing, bodies that
// contradict their Content-Type, broken signatures, dates and presigned URLs, unicode and percent-encoding
// edge cases — the mock answers within 1 s with a well-formed error envelope (the right code, a RequestId,
// never a 5xx or a stack trace), still answers a valid signed call right after, and logs no secret.
// A property test sends 10,000 generated requests (batches over keep-alive connections); a fixed table
// pins the exact code of each kind.
import { sign } from '@volc-openapi/signer';
import { presignUrl } from '@volc-openapi/signer/presign';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS, type RunningMockServer } from '../src/index.ts';
import { call, REQUEST_ID, realSpec, start, stsSpec } from './helpers.ts';
import { type RawAnswer, RawConnection } from './raw-http.ts';

const SEED = 20_261_207;
const BATCH = 20;
const BATCHES = 500; // 10,000 generated requests
const SESSION_TOKEN = 'STS-hostile-session-token-0123456789';
const QUERY_PATH = '/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1';
const AUTH_CODES = [
  'MissingAuthenticationToken',
  'InvalidAuthorization',
  'MissingRequestInfo',
  'InvalidAccessKey',
  'InvalidTimestamp',
  'SignatureDoesNotMatch',
  'ServiceNotFound',
  'InvalidSecretToken',
];
const PARAMETER_CODES = ['InvalidParameter', 'MissingParameter'];

/** One generated request: its bytes and the codes (or a success, `null`) it may be answered with. */
interface Hostile {
  kind: string;
  bytes: Buffer;
  codes: (string | null)[];
}

/** A generated request, shown in a failure report as its kind and text rather than a byte array. */
const hostileRequest = (kind: string, bytes: Buffer, codes: (string | null)[]): Hostile =>
  Object.assign(
    { kind, bytes, codes },
    { [fc.toStringMethod]: () => `${kind}: ${JSON.stringify(bytes.toString().slice(0, 400))}` },
  );

const lines = (...parts: string[]) => `${parts.join('\r\n')}\r\n\r\n`;
const oneLine = (text: string) => text.replace(/[\r\n]/g, ' ');

let server: RunningMockServer;
let host: string;
const logged: string[] = [];
/** Every signature and token this test sent: none may appear in a log line. */
const secretsSent = new Set<string>([MOCK_CREDENTIALS.secretAccessKey, SESSION_TOKEN]);

beforeAll(async () => {
  const log = (line: string) => logged.push(line);
  server = await start(realSpec(), {
    specs: [stsSpec()],
    logger: { info: log, warn: log, error: log },
    credentials: { [MOCK_CREDENTIALS.accessKeyId]: MOCK_CREDENTIALS.secretAccessKey },
    headersTimeoutMs: 400,
    requestTimeoutMs: 600,
    maxBodyBytes: 64 * 1024,
  });
  host = new URL(server.url).host;
});
afterAll(() => server.close());

/** The signing headers for a request to the mock, signed by the mock's demo key. */
/** The test query presigned with the demo keys, valid 60 s from `ageMs` ago. */
async function presignedQuery(ageMs: number): Promise<URL> {
  return new URL(
    await presignUrl(
      { method: 'GET', url: `http://${host}${QUERY_PATH}` },
      {
        credentials: MOCK_CREDENTIALS,
        region: 'cn-beijing',
        service: 'vms',
        expiresInSeconds: 60,
        date: new Date(Date.now() - ageMs),
      },
    ),
  );
}

async function signed(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body = '',
  date?: Date,
  token?: string,
) {
  const added = await sign(
    { method, url: `http://${host}${target}`, headers, body },
    {
      credentials: { ...MOCK_CREDENTIALS, ...(token ? { sessionToken: token } : {}) },
      region: 'cn-beijing',
      service: 'vms',
      ...(date ? { date } : {}),
    },
  );
  secretsSent.add(/Signature=(\w+)/.exec(added.Authorization ?? '')?.[1] ?? '');
  return { ...headers, ...added };
}

const request = (
  method: string,
  target: string,
  headers: Record<string, string>,
  body: string | Buffer = '',
) => {
  const head = lines(
    `${method} ${target} HTTP/1.1`,
    `Host: ${host}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${Buffer.byteLength(body)}`,
  );
  return Buffer.concat([Buffer.from(head), Buffer.from(body)]);
};

// --- generators, one per kind of hostile input ---

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', '%', '%zz', '%C3', '%00', '+', '&', '=', '中文', '😀', '\u0000', '..', '%2F'),
);

/** A request line that is not HTTP/1.1, or a target no parser should take. */
const badRequestLine = fc
  .record({
    method: fc.oneof(fc.stringMatching(/^[a-z]{1,6}$/), fc.constantFrom('G ET', 'PO\u0000ST', '', '\u00e9')),
    target: fc.oneof(text, fc.constantFrom('/', '*', '//x', 'http://x/')),
    version: fc.constantFrom('HTTP/1.1', 'HTTP/9.9', 'HTTP/1', '', 'http/1.1', 'HTTP/1.1 x'),
  })
  .map(({ method, target, version }) =>
    hostileRequest(
      'request line',
      Buffer.from(lines(oneLine(`${method} ${target} ${version}`), `Host: ${host}`)),
      ['InvalidParameter'],
    ),
  );

/** A valid request line with one broken header. */
const badHeader = fc
  .oneof(
    fc
      .tuple(fc.constantFrom('Bad Name', 'Bad(Name)', '', 'X\u0000Y', 'é'), text)
      .map(([n, v]) => `${n}: ${oneLine(v)}`),
    text.map((v) => `X-Header ${oneLine(v)}`),
    fc.constantFrom(
      'X-Header: a\u0000b',
      'X-Header: a\u007fb',
      ' folded: continuation',
      'Content-Length: abc',
      'Content-Length: -1',
      'Content-Length: 1\r\nContent-Length: 2',
      'Transfer-Encoding: chunked\r\nContent-Length: 3',
      'Transfer-Encoding: gzip, zip',
      `X-Long: ${'a'.repeat(20_000)}`,
    ),
  )
  .map((header) =>
    // A header Node's parser takes is just an unsigned call.
    hostileRequest('header', Buffer.from(lines(`GET ${QUERY_PATH} HTTP/1.1`, `Host: ${host}`, header)), [
      'InvalidParameter',
      'MissingAuthenticationToken',
    ]),
  );

/** Action and Version missing, unknown, repeated, or odd text; each has its one code. */
const badRoute = fc
  .record({
    actions: fc.array(fc.oneof(text, fc.constantFrom('QueryUsableResourceV2', 'AssumeRole')), {
      maxLength: 3,
    }),
    versions: fc.array(fc.oneof(text, fc.constantFrom('2022-01-01', '2018-01-01')), { maxLength: 2 }),
  })
  .map(({ actions, versions }): Hostile => {
    const query = new URLSearchParams();
    for (const action of actions) query.append('Action', action);
    for (const version of versions) query.append('Version', version);
    const action = query.get('Action');
    const version = query.get('Version');
    const known = ['QueryUsableResourceV2\n2022-01-01', 'AssumeRole\n2018-01-01'];
    const code = !action
      ? 'MissingAction'
      : actions.length > 1 || versions.length > 1
        ? 'InvalidParameter'
        : !version
          ? 'MissingParameter'
          : known.includes(`${action}\n${version}`)
            ? 'MissingAuthenticationToken'
            : 'InvalidActionOrVersion';
    return hostileRequest('route', request('GET', `/?${query}`, {}), [code]);
  });

const MULTIPART = 'multipart/form-data; boundary=XyZ';
const contentType = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  MULTIPART,
  'multipart/form-data',
  'text/plain',
  'application/json; charset=latin1',
  '%%%',
  '',
);
const body = fc.oneof(
  fc.constantFrom(
    '{"ResourceKey":"k"}',
    '{"ResourceKey":',
    '[1,2',
    'ResourceKey=k&ResourceKey=',
    '--XyZ\r\nContent-Disposition: form-data; name="ResourceKey"\r\n\r\nk\r\n--XyZ--\r\n',
    '--XyZ\r\nContent-Disposition: form-data; name="ResourceKey"\r\n\r\nk',
    '--XyZ\r\n',
    '\uFEFF{}',
    'null',
    '"text"',
  ),
  fc.json({ maxDepth: 2 }),
  text,
);
const postAction = fc.constantFrom(
  '/?Action=OpenDeleteResource&Version=2022-01-01', // JSON
  '/?Action=BindAXB&Version=2022-01-01', // form
  '/?Action=UploadQualificationFile&Version=2022-01-01', // multipart
);

/** A correctly signed POST whose body contradicts its Content-Type (or is broken in itself). */
const badBody = fc
  .record({ target: postAction, type: contentType, body })
  .map(async ({ target, type, body }): Promise<Hostile> => {
    const headers = await signed('POST', target, type ? { 'Content-Type': type } : {}, body);
    return hostileRequest('body', request('POST', target, headers, Buffer.from(body)), [
      null,
      ...PARAMETER_CODES,
    ]);
  });

/** A correctly signed call whose Authorization is then broken in one of its parts. */
const badAuthorization = fc
  .record({
    part: fc.constantFrom(
      'algorithm',
      'credential',
      'key',
      'day',
      'region',
      'service',
      'terminator',
      'headers',
      'signature',
      'separator',
      'whole',
    ),
    with: text,
  })
  .map(async ({ part, with: replacement }): Promise<Hostile> => {
    const headers = await signed('GET', QUERY_PATH);
    const [, key = '', day = '', region = '', service = '', names = '', sig = ''] =
      /Credential=([^/]+)\/(\d+)\/([^/]+)\/([^/]+)\/request, SignedHeaders=([^,]+), Signature=(\w+)/.exec(
        headers.Authorization ?? '',
      ) ?? [];
    const r = oneLine(replacement);
    const build = (p: Record<string, string>) =>
      `${p.algorithm ?? 'HMAC-SHA256'} Credential=${p.key ?? key}/${p.day ?? day}/${p.region ?? region}/${p.service ?? service}/${p.terminator ?? 'request'}${p.separator ?? ', '}SignedHeaders=${p.headers ?? names}, Signature=${p.signature ?? sig}`;
    const authorization =
      part === 'whole'
        ? r
        : part === 'credential'
          ? `HMAC-SHA256 Credential=${r}, SignedHeaders=${names}, Signature=${sig}`
          : build({ [part]: r });
    return hostileRequest(
      'authorization',
      request('GET', QUERY_PATH, { ...headers, Authorization: authorization }),
      // The replacement may happen to equal the part it replaced (a success), or not be a valid header
      // value at all (control characters: a parse error, InvalidParameter).
      [null, ...AUTH_CODES, 'InvalidParameter'],
    );
  });

const HOUR = 3_600_000;
/** X-Date in the future, in the past (signed for that date) or garbled (after signing). */
const badDate = fc
  .oneof(
    fc.integer({ min: 16, max: 10_000 }).map((minutes) => ({ offset: minutes * 60_000, garbled: undefined })),
    fc
      .integer({ min: 16, max: 10_000 })
      .map((minutes) => ({ offset: -minutes * 60_000, garbled: undefined })),
    fc
      .oneof(text, fc.constantFrom('20251399T000000Z', '2025-05-28T03:39:31Z', '99999999T999999Z'))
      .map((garbled) => ({ offset: 0, garbled })),
  )
  .map(async ({ offset, garbled }): Promise<Hostile> => {
    const headers = await signed('GET', QUERY_PATH, {}, '', new Date(Date.now() + offset));
    if (garbled !== undefined) headers['X-Date'] = oneLine(garbled);
    return hostileRequest(
      'x-date',
      request('GET', QUERY_PATH, headers),
      garbled === undefined
        ? ['InvalidTimestamp']
        : // A garbled value may not even be a valid header value (control characters): a parse error.
          ['InvalidTimestamp', 'InvalidAuthorization', 'SignatureDoesNotMatch', 'InvalidParameter'],
    );
  });

/** A presigned URL that has expired, or with one query parameter changed or removed. */
const badPresign = fc
  .record({
    expired: fc.boolean(),
    param: fc.constantFrom(
      'X-Signature',
      'X-Credential',
      'X-Date',
      'X-Expires',
      'X-SignedHeaders',
      'X-Algorithm',
      'X-Security-Token',
      'Type',
    ),
    remove: fc.boolean(),
    with: text,
  })
  .map(async ({ expired, param, remove, with: replacement }): Promise<Hostile> => {
    const url = await presignedQuery(expired ? 2 * HOUR : 0);
    secretsSent.add(url.searchParams.get('X-Signature') ?? '');
    const untouched = url.href;
    if (!expired) {
      if (remove) url.searchParams.delete(param);
      else url.searchParams.set(param, `${url.searchParams.get(param) ?? ''}${replacement || 'x'}`);
    }
    // Removing a parameter the URL does not hold leaves it valid.
    const codes = !expired && url.href === untouched ? [null] : [...AUTH_CODES, ...PARAMETER_CODES];
    return hostileRequest('presign', request('GET', `${url.pathname}${url.search}`, {}), codes);
  });

/** A correctly signed call with odd names and values in its query and an odd header value: answered normally. */
const oddButValid = fc
  .record({
    query: fc.array(fc.tuple(text, text), { maxLength: 4 }),
    header: fc.stringMatching(/^[\x21-\x7e]{0,20}$/),
    token: fc.boolean(),
  })
  .map(async ({ query, header, token }): Promise<Hostile> => {
    const url = new URL(`http://${host}${QUERY_PATH}`);
    for (const [name, value] of query)
      if (!/^(Action|Version|Type)$|^X-/i.test(name)) url.searchParams.append(name, value);
    const target = `${url.pathname}${url.search}`;
    const headers = await signed(
      'GET',
      target,
      { 'X-Custom': header },
      '',
      undefined,
      token ? SESSION_TOKEN : undefined,
    );
    // The demo key has no session: a token it does not know is refused as the gateway does.
    return hostileRequest(
      'odd but valid',
      request('GET', target, headers),
      token ? ['InvalidSecretToken'] : [null],
    );
  });

const hostile: fc.Arbitrary<Hostile | Promise<Hostile>> = fc.oneof(
  badRequestLine,
  badHeader,
  badRoute,
  badBody,
  badAuthorization,
  badDate,
  badPresign,
  oddButValid,
  fc
    .constant(0)
    .map(() =>
      hostileRequest('token only', request('GET', QUERY_PATH, { 'X-Security-Token': SESSION_TOKEN }), [
        'MissingAuthenticationToken',
      ]),
    ),
);

/** Checks one answer against what its request may be answered with; returns a problem or undefined. */
function problemWith(answer: RawAnswer, codes: (string | null)[]): string | undefined {
  if (answer.ms > 1000) return `answered after ${Math.round(answer.ms)} ms`;
  if (answer.status === 0) return 'the connection closed without an answer';
  if (answer.status >= 500) return `status ${answer.status}`;
  if (/\bat .+:\d+:\d+|node:internal|\.ts:\d+/.test(answer.body)) return 'a stack trace in the body';
  if (!answer.headers['content-type']?.startsWith('application/json')) return 'not JSON';
  let metadata: { RequestId?: unknown; Error?: { Code?: unknown; Message?: unknown } };
  try {
    metadata = (JSON.parse(answer.body) as { ResponseMetadata: typeof metadata }).ResponseMetadata;
  } catch {
    return 'a body that is not JSON';
  }
  if (typeof metadata?.RequestId !== 'string' || !REQUEST_ID.test(metadata.RequestId)) return 'no RequestId';
  if (answer.headers['x-tt-logid'] !== metadata.RequestId) return 'X-Tt-Logid is not the RequestId';
  const code = metadata.Error === undefined ? null : metadata.Error.Code;
  if (code !== null && (typeof code !== 'string' || typeof metadata.Error?.Message !== 'string'))
    return 'a malformed Error';
  if (code === null && answer.status !== 200) return `status ${answer.status} without an Error`;
  if (!codes.includes(code)) return `code ${code}, expected one of ${codes.join(', ')}`;
  return undefined;
}

const connections = () => Array.from({ length: BATCH }, () => new RawConnection(server.port));

describe('hostile input', () => {
  it(`answers ${BATCH * BATCHES} generated hostile requests with well-formed envelopes, each within 1 s`, async () => {
    const pool = connections();
    let sent = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(hostile, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          const requests = await Promise.all(batch);
          const answers = await Promise.all(requests.map((r, i) => (pool[i] as RawConnection).send(r.bytes)));
          sent += requests.length;
          requests.forEach((r, i) => {
            expect(problemWith(answers[i] as RawAnswer, r.codes), fc.stringify(r)).toBeUndefined();
          });
          // The server still answers a valid signed call right after.
          expect((await call(server, QUERY_PATH)).status).toBe(200);
        }),
        { numRuns: BATCHES, seed: SEED, endOnFailure: true },
      );
    } finally {
      for (const connection of pool) connection.close();
    }
    expect(sent).toBe(BATCH * BATCHES);
  }, 180_000);

  it.each<[string, () => Promise<string | Buffer>, string, number]>([
    ['a request line that is not HTTP', async () => 'GARBAGE\r\n\r\n', 'InvalidParameter', 400],
    [
      'a header without a colon',
      async () => lines(`GET ${QUERY_PATH} HTTP/1.1`, `Host: ${host}`, 'Broken'),
      'InvalidParameter',
      400,
    ],
    [
      'headers over 16 KiB',
      async () => lines(`GET ${QUERY_PATH} HTTP/1.1`, `Host: ${host}`, `X-Big: ${'a'.repeat(20_000)}`),
      'InvalidParameter',
      431,
    ],
    ['no Action', async () => request('GET', '/?Version=2022-01-01', {}), 'MissingAction', 400],
    ['no Version', async () => request('GET', '/?Action=QueryUsableResourceV2', {}), 'MissingParameter', 400],
    [
      'an unknown Action',
      async () => request('GET', '/?Action=Nope&Version=2022-01-01', {}),
      'InvalidActionOrVersion',
      404,
    ],
    [
      'two Actions',
      async () => request('GET', `${QUERY_PATH}&Action=QueryUsableResourceV2`, {}),
      'InvalidParameter',
      400,
    ],
    [
      'invalid JSON',
      async () => {
        const target = '/?Action=OpenDeleteResource&Version=2022-01-01';
        return request(
          'POST',
          target,
          await signed('POST', target, { 'Content-Type': 'application/json' }, '{"a":'),
          '{"a":',
        );
      },
      'InvalidParameter',
      400,
    ],
    [
      'truncated multipart',
      async () => {
        const target = '/?Action=UploadQualificationFile&Version=2022-01-01';
        const part = '--XyZ\r\nContent-Disposition: form-data; name="QualificationNo"\r\n\r\nq';
        return request(
          'POST',
          target,
          await signed('POST', target, { 'Content-Type': MULTIPART }, part),
          part,
        );
      },
      'InvalidParameter',
      400,
    ],
    [
      'a JSON body sent as a form',
      async () => {
        const target = '/?Action=OpenDeleteResource&Version=2022-01-01';
        const form = 'ResourceKey=k';
        return request(
          'POST',
          target,
          await signed('POST', target, { 'Content-Type': 'text/plain' }, form),
          form,
        );
      },
      'InvalidParameter',
      400,
    ],
    [
      'a garbled Authorization',
      async () =>
        request('GET', QUERY_PATH, { Authorization: 'HMAC-SHA256 nonsense', 'X-Date': '20250101T000000Z' }),
      'InvalidAuthorization',
      400,
    ],
    [
      'a garbled X-Date',
      async () => request('GET', QUERY_PATH, { ...(await signed('GET', QUERY_PATH)), 'X-Date': 'yesterday' }),
      'InvalidTimestamp',
      400,
    ],
    [
      'an X-Date an hour ahead',
      async () =>
        request('GET', QUERY_PATH, await signed('GET', QUERY_PATH, {}, '', new Date(Date.now() + HOUR))),
      'InvalidTimestamp',
      400,
    ],
    [
      'an expired presigned URL',
      async () => {
        const url = await presignedQuery(HOUR);
        return request('GET', `${url.pathname}${url.search}`, {});
      },
      'InvalidTimestamp',
      400,
    ],
    [
      'a tampered presigned URL',
      async () => {
        const url = await presignedQuery(0);
        url.searchParams.set('Type', '2');
        return request('GET', `${url.pathname}${url.search}`, {});
      },
      'SignatureDoesNotMatch',
      401,
    ],
    [
      'a body over the size limit (answered before it is read)',
      async () =>
        lines(
          `POST /?Action=OpenDeleteResource&Version=2022-01-01 HTTP/1.1`,
          `Host: ${host}`,
          'Content-Length: 999999999',
        ),
      'InvalidParameter',
      413,
    ],
  ])('answers %s with its code', async (_, make, code, status) => {
    const connection = new RawConnection(server.port);
    try {
      const answer = await connection.send(await make());
      expect(problemWith(answer, [code])).toBeUndefined();
      expect(answer.status).toBe(status);
      expect((await call(server, QUERY_PATH)).status).toBe(200);
    } finally {
      connection.close();
    }
  });

  it('answers a slow client that never finishes its headers or body with 408, then closes', async () => {
    for (const partial of [
      `GET ${QUERY_PATH} HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `,
      `POST /?Action=OpenDeleteResource&Version=2022-01-01 HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 100\r\n\r\n{"Res`,
    ]) {
      const connection = new RawConnection(server.port);
      const answer = await connection.send(partial);
      // requestTimeoutMs (600 ms here) plus Node's check interval (200 ms here): a generous bound.
      expect(answer.ms).toBeLessThan(3000);
      expect(answer.status).toBe(408);
      expect(JSON.parse(answer.body).ResponseMetadata.Error.Code).toBe('RequestTimeout');
      connection.close();
    }
    expect((await call(server, QUERY_PATH)).status).toBe(200);
  });

  it('logged no secret: neither the secret key, a session token nor a signature', async () => {
    const recorded = JSON.stringify(await (await fetch(`${server.url}/__mock/requests`)).json());
    expect(logged.length).toBeGreaterThan(BATCH * BATCHES);
    for (const secret of secretsSent) {
      if (!secret) continue;
      expect(logged.filter((line) => line.includes(secret))).toEqual([]);
      expect(recorded).not.toContain(secret);
    }
  });
});
