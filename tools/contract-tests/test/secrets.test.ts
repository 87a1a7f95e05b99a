// Secrets never leak from the generated clients: with logging at its most verbose, across successes,
// every error kind (api, unexpected-response, network, timeout, aborted) and retries, the secret key and
// the session token appear in no log line, error message, toString()/inspect output or request URL.
// The credentials are real temporary ones, issued by the mock's STS (AssumeRole) and accepted by every
// service it serves.
import { inspect } from 'node:util';
import { MOCK_CREDENTIALS, registrySpecs, startMockServer } from '@volc-openapi/mock-server';
import { createLogger } from '@volc-openapi/runtime';
import { presignUrl } from '@volc-openapi/signer/presign';
import { createSmsClient } from '@volc-openapi/sms';
import { createStsClient } from '@volc-openapi/sts';
import { createVmsClient } from '@volc-openapi/vms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Mock = Awaited<ReturnType<typeof startMockServer>>;
type Call = (input: object, options?: object) => Promise<{ data?: unknown; error?: unknown }>;

let mock: Mock;
beforeAll(async () => {
  const specs = (await registrySpecs()).flatMap((entry) => (entry.spec ? [entry.spec] : []));
  mock = await startMockServer({ specs });
});
afterAll(() => mock.close());

describe('secrets', () => {
  it('appear in no log line, error, inspect output or URL, whatever the outcome', async () => {
    const sts = createStsClient({ endpoint: mock.url, credentials: MOCK_CREDENTIALS });
    const issued = await sts.AssumeRole({
      RoleTrn: 'trn:iam::2000012345:role/ci',
      RoleSessionName: 'secrets',
    });
    const session = (issued.data as { Result: { Credentials: Record<string, string> } }).Result.Credentials;
    const credentials = {
      accessKeyId: session.AccessKeyId as string,
      secretAccessKey: session.SecretAccessKey as string,
      sessionToken: session.SessionToken as string,
    };

    const lines: string[] = [];
    const urls: string[] = [];
    const line = (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${message} ${JSON.stringify(fields)}`);
    const options = {
      endpoint: mock.url,
      credentials,
      logger: createLogger({ level: 'debug', logger: { debug: line, info: line, warn: line, error: line } }),
      timeoutMs: 300,
      retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 50, maxElapsedMs: 5000 },
      fetch: (request: Request) => {
        urls.push(request.url);
        return fetch(request);
      },
    };
    const vms = createVmsClient(options);
    const sms = createSmsClient(options);
    const calls: [Call, object][] = [
      [(vms as unknown as Record<string, Call>).QueryTaskList as Call, {}],
      [
        (sms as unknown as Record<string, Call>).GetSmsSendDetails as Call,
        { SmsAccount: 'a', PhoneNumber: '1' },
      ],
    ];
    const scenarios = [
      undefined, // success
      'error=InvalidParameter', // api
      'malformed=html', // unexpected-response
      'error=ServiceUnavailable', // retried, then api
      'reset=true', // network, retried
      'delayMs=1000', // timeout, retried
    ];
    const outcomes: unknown[] = [];
    for (const [call, input] of calls) {
      for (const scenario of scenarios) {
        const headers = scenario ? { 'X-Mock-Scenario': scenario } : {};
        outcomes.push(await call(input, { headers }).catch((error: unknown) => error));
      }
      const aborted = new AbortController();
      aborted.abort();
      outcomes.push(await call(input, { signal: aborted.signal }).catch((error: unknown) => error));
    }
    const errors = outcomes.map((outcome) =>
      outcome instanceof Error ? outcome : (outcome as { error?: unknown }).error,
    );
    const kinds = new Set(errors.map((error) => (error as { kind?: string } | undefined)?.kind ?? 'ok'));
    expect(kinds).toEqual(new Set(['ok', 'api', 'unexpected-response', 'network', 'timeout', 'aborted']));
    expect(lines.some((text) => text.startsWith('retry'))).toBe(true);

    // A presigned URL carries the signature, and with temporary keys the token it must (X-Security-Token),
    // never the secret key.
    const presigned = await presignUrl(
      { method: 'GET', url: `${mock.url}/?Action=QueryUsableResourceV2&Version=2022-01-01&Type=1` },
      { credentials: MOCK_CREDENTIALS, region: 'cn-beijing', service: 'vms' },
    );
    expect(presigned).toContain('X-Signature=');

    const everything = [
      ...lines,
      ...urls,
      presigned,
      inspect(vms, { depth: 8, showHidden: true }),
      inspect(sms, { depth: 8 }),
      ...errors.flatMap((error) =>
        error
          ? [String(error), inspect(error, { depth: 8 }), JSON.stringify(error), (error as Error).stack ?? '']
          : [],
      ),
    ].join('\n');
    expect(everything).toContain(credentials.accessKeyId);
    for (const secret of [
      credentials.secretAccessKey,
      credentials.sessionToken,
      MOCK_CREDENTIALS.secretAccessKey,
    ])
      expect(everything).not.toContain(secret);
  }, 60_000);
});
