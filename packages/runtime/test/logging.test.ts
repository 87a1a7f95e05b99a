// Opt-in logging: levels, a custom logger, and proof that no secret — secret key, session token or
// signature — reaches any log line or error message, across retries and failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, type Logger, redactHeaders } from '../src/index.ts';
import {
  clearScenarios,
  type Mock,
  scenario,
  startMockWithSts,
  temporaryKeys,
  testClient,
} from './helpers.ts';

let mock: Mock;
beforeAll(async () => {
  mock = await startMockWithSts();
});
afterAll(() => mock.close());
beforeEach(() => clearScenarios(mock));

function collect(): { logger: Logger; lines: string[]; levels: string[] } {
  const lines: string[] = [];
  const levels: string[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    levels.push(level);
    lines.push(`${message} ${JSON.stringify(fields)}`);
  };
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    lines,
    levels,
  };
}

describe('logging', () => {
  it('is off unless a logger is given, and filters by level', async () => {
    const quiet = collect();
    await testClient(mock).call('GetThing', { Type: 1 });
    const info = collect();
    await testClient(mock, { logger: createLogger({ logger: info.logger }) }).call('GetThing', { Type: 1 });
    expect(info.levels).toEqual(['info']);
    expect(info.lines[0]).toMatch(
      /^response \{"action":"GetThing","status":200,"requestId":"\d+[0-9A-F]+","attempts":1,"ms":\d+\}$/,
    );
    const debug = collect();
    await testClient(mock, { logger: createLogger({ level: 'debug', logger: debug.logger }) }).call(
      'GetThing',
      { Type: 1 },
    );
    expect(debug.levels).toEqual(['debug', 'info']);
    expect(quiet.lines).toEqual([]);
  });

  it('redacts the signature and session token from headers', () => {
    const headers = new Headers({
      Authorization: 'HMAC-SHA256 Credential=AK/20250101/r/s/request, SignedHeaders=host, Signature=abc123',
      'X-Security-Token': 'tok',
      'X-Date': '20250101T000000Z',
    });
    expect(redactHeaders(headers)).toEqual({
      authorization:
        'HMAC-SHA256 Credential=AK/20250101/r/s/request, SignedHeaders=host, Signature=<redacted>',
      'x-security-token': '<redacted>',
      'x-date': '20250101T000000Z',
    });
  });

  it('never lets a secret key, session token or signature reach a log line or an error', async () => {
    // Temporary keys the mock's STS issued, so the test API accepts their session token.
    const credentials = await temporaryKeys(mock);
    const signatures: string[] = [];
    const { logger, lines, levels } = collect();
    const errors: unknown[] = [];
    const { call } = testClient(mock, {
      credentials: async () => credentials,
      logger: createLogger({ level: 'debug', logger }),
      fetch: async (request) => {
        signatures.push(/Signature=([0-9a-f]+)/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '');
        return fetch(request);
      },
    });
    await scenario(mock, { action: 'GetThing', error: 'ServiceUnavailable', times: 3 });
    errors.push((await call('GetThing', { Type: 1 })).error);
    await scenario(mock, { action: 'GetThing', reset: true });
    errors.push(await call('GetThing', { Type: 1 }).catch((e: unknown) => e));
    await clearScenarios(mock);
    for (const malformed of ['html', 'truncated'])
      errors.push(
        (await call('GetThing', { Type: 1 }, { headers: { 'X-Mock-Scenario': `malformed=${malformed}` } }))
          .error,
      );
    errors.push(
      (
        await call(
          'CreateThing',
          { Name: 'x' },
          { headers: { 'X-Mock-Scenario': 'error=SignatureDoesNotMatch' } },
        )
      ).error,
    );

    expect(new Set(levels)).toEqual(new Set(['debug', 'info', 'warn', 'error']));
    expect(signatures.length).toBeGreaterThan(8);
    const everything = [
      ...lines,
      ...errors.flatMap((error) => [
        String(error),
        (error as Error).message,
        JSON.stringify(error),
        (error as Error).stack ?? '',
      ]),
    ].join('\n');
    expect(everything).toContain(credentials.accessKeyId);
    for (const secret of [credentials.secretAccessKey, credentials.sessionToken, ...signatures]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(everything).not.toContain(secret);
    }
  });

  it('scrubs a secret that slipped into a message', () => {
    const { logger, lines } = collect();
    createLogger({ logger })('warn', 'oops SK-123 Signature=deadbeef', { nested: ['SK-123'] }, [
      'SK-123',
      undefined,
    ]);
    expect(lines).toEqual(['oops <redacted> Signature=<redacted> {"nested":["<redacted>"]}']);
  });
});
