// Retries against the mock's injected faults: only idempotent operations unless a call opts in,
// backoff with full jitter under a cap and a budget, Retry-After honoured, and every attempt signed
// anew (fresh X-Date, signature verified by the mock). Waits go through an injected sleep that
// advances an injected clock, so the tests do not wait.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RetryContext } from '../src/index.ts';
import { clearScenarios, type Mock, received, scenario, startMock, testClient } from './helpers.ts';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
beforeEach(() => clearScenarios(mock));

/** A clock that the injected sleep moves forward, so X-Date changes between attempts. */
function fakeTime(options: { random?: number } = {}) {
  let t = Date.now();
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
    random: () => options.random ?? 0.5,
    retry: { baseDelayMs: 2000, maxDelayMs: 8000 },
  };
}

describe('which calls are retried', () => {
  it('retries an idempotent operation on 503 and Throttling until it succeeds, re-signing each attempt', async () => {
    const time = fakeTime({ random: 0.75 });
    const { call } = testClient(mock, time);
    await scenario(mock, { action: 'GetThing', error: 'ServiceUnavailable', times: 1 });
    await scenario(mock, { action: 'GetThing', error: 'Throttling', times: 1 });
    const result = await call('GetThing', { Type: 1 });
    expect(result.error).toBeUndefined();
    // Full jitter: random × min(cap, base × 2^n) = 0.75 × 2000, 0.75 × 4000.
    expect(time.waits).toEqual([1500, 3000]);
    const requests = await received(mock);
    expect(requests.map((r) => [r.status, r.errorCode])).toEqual([
      [503, 'ServiceUnavailable'],
      [429, 'Throttling'],
      [200, undefined],
    ]);
    const dates = requests.map((r) => r.headers['x-date']);
    expect(new Set(dates).size).toBe(3);
    // The mock verified each signature: none was refused as SignatureDoesNotMatch or InvalidTimestamp.
    const signatures = requests.map((r) => r.headers.authorization);
    expect(new Set(signatures.map((a) => a?.replace(/Signature=.*/, ''))).size).toBe(1);
  });

  it('retries connection resets of an idempotent operation', async () => {
    const time = fakeTime();
    const { call } = testClient(mock, time);
    await scenario(mock, { action: 'GetThing', reset: true, times: 2 });
    const result = await call('GetThing', { Type: 1 });
    expect(result.error).toBeUndefined();
    expect(time.waits).toHaveLength(2);
  });

  it('does not retry a non-idempotent operation', async () => {
    const time = fakeTime();
    const { call } = testClient(mock, time);
    await scenario(mock, { action: 'CreateThing', error: 'ServiceUnavailable', times: 1 });
    const result = await call('CreateThing', { Name: 'x' });
    expect(result.error).toMatchObject({ Code: 'ServiceUnavailable', status: 503, attempts: 1 });
    expect(time.waits).toEqual([]);
    expect(await received(mock)).toHaveLength(1);
  });

  it('retries a non-idempotent operation when the call opts in, hashing the body once', async () => {
    const time = fakeTime();
    const { call } = testClient(mock, time);
    await scenario(mock, { action: 'CreateThing', error: 'InternalError', times: 1 });
    const result = await call('CreateThing', { Name: 'x' }, { retry: true });
    expect(result.error).toBeUndefined();
    const requests = await received(mock);
    expect(requests.map((r) => r.status)).toEqual([500, 200]);
    expect(requests[0]?.headers['x-content-sha256']).toBe(requests[1]?.headers['x-content-sha256']);
    expect(requests[1]?.body).toBe('{"Name":"x"}');
  });

  it('opts in with a per-call policy, and out with retry: false', async () => {
    const time = fakeTime();
    const { call } = testClient(mock, time);
    await scenario(mock, { action: 'CreateThing', error: 'Throttling', times: 5 });
    const tuned = await call('CreateThing', { Name: 'x' }, { retry: { maxRetries: 4 } });
    expect(tuned.error).toMatchObject({ Code: 'Throttling', attempts: 5 });
    await scenario(mock, { action: 'GetThing', error: 'Throttling', times: 1 });
    const off = await call('GetThing', { Type: 1 }, { retry: false });
    expect(off.error).toMatchObject({ Code: 'Throttling', attempts: 1 });
  });

  it('does not retry errors that a repeat would meet again', async () => {
    const time = fakeTime();
    const { call } = testClient(mock, time);
    await scenario(mock, { action: 'GetThing', error: 'InvalidParameter', times: 1 });
    const result = await call('GetThing', { Type: 1 });
    expect(result.error).toMatchObject({ Code: 'InvalidParameter', attempts: 1 });
    expect(time.waits).toEqual([]);
  });

  it('lets retryOn narrow the retried failures and onRetry observe each retry', async () => {
    const time = fakeTime();
    const seen: RetryContext[] = [];
    const { call } = testClient(mock, {
      ...time,
      retry: { ...time.retry, retryOn: (c) => c.error.Code !== 'Throttling', onRetry: (c) => seen.push(c) },
    });
    await scenario(mock, { action: 'GetThing', error: 'ServiceUnavailable', times: 1 });
    await scenario(mock, { action: 'GetThing', error: 'Throttling', times: 1 });
    const result = await call('GetThing', { Type: 1 });
    expect(result.error).toMatchObject({ Code: 'Throttling', attempts: 2 });
    expect(seen.map((c) => [c.attempt, c.error.Code, c.transient, c.delayMs])).toEqual([
      [1, 'ServiceUnavailable', true, 1000],
    ]);
  });
});

describe('limits', () => {
  it('stops after maxRetries and returns the last error', async () => {
    const time = fakeTime();
    const { call } = testClient(mock, time);
    await scenario(mock, { action: 'GetThing', error: 'ServiceUnavailable' });
    const result = await call('GetThing', { Type: 1 });
    expect(result.error).toMatchObject({ Code: 'ServiceUnavailable', attempts: 3 });
    expect(time.waits).toHaveLength(2);
  });

  it('caps each backoff wait at maxDelayMs', async () => {
    const time = fakeTime({ random: 0.999 });
    const { call } = testClient(mock, {
      ...time,
      retry: { baseDelayMs: 2000, maxDelayMs: 3000, maxRetries: 4 },
    });
    await scenario(mock, { action: 'GetThing', error: 'ServiceUnavailable' });
    await call('GetThing', { Type: 1 });
    expect(time.waits).toEqual([1998, 2997, 2997, 2997]);
  });

  it('starts no retry that would end past the total budget', async () => {
    const time = fakeTime({ random: 0.999 });
    const { call } = testClient(mock, {
      ...time,
      retry: { baseDelayMs: 4000, maxDelayMs: 8000, maxRetries: 10, maxElapsedMs: 10_000 },
    });
    await scenario(mock, { action: 'GetThing', error: 'ServiceUnavailable' });
    const result = await call('GetThing', { Type: 1 });
    expect(time.waits).toEqual([3996]);
    expect(result.error?.attempts).toBe(2);
  });
});

describe('Retry-After', () => {
  /** The mock sends no Retry-After, so a fetch wrapper adds one to its throttling answers. */
  const withRetryAfter =
    (value: () => string) =>
    async (request: Request): Promise<Response> => {
      const response = await fetch(request);
      if (response.status !== 429) return response;
      const headers = new Headers(response.headers);
      headers.set('Retry-After', value());
      return new Response(await response.text(), { status: 429, headers });
    };

  it('waits the seconds the server asks instead of the backoff', async () => {
    const time = fakeTime();
    const { call } = testClient(mock, { ...time, fetch: withRetryAfter(() => '3') });
    await scenario(mock, { action: 'GetThing', error: 'Throttling', times: 1 });
    expect((await call('GetThing', { Type: 1 })).error).toBeUndefined();
    expect(time.waits).toEqual([3000]);
  });

  it('accepts an HTTP date', async () => {
    const time = fakeTime();
    const { call } = testClient(mock, {
      ...time,
      fetch: withRetryAfter(() => new Date(time.now() + 5000).toUTCString()),
    });
    await scenario(mock, { action: 'GetThing', error: 'Throttling', times: 1 });
    expect((await call('GetThing', { Type: 1 })).error).toBeUndefined();
    expect(time.waits[0]).toBeGreaterThan(3900);
    expect(time.waits[0]).toBeLessThanOrEqual(5000);
  });

  it('gives up rather than retry earlier than a Retry-After above the cap', async () => {
    const time = fakeTime();
    const { call } = testClient(mock, { ...time, fetch: withRetryAfter(() => '60') });
    await scenario(mock, { action: 'GetThing', error: 'Throttling', times: 1 });
    const result = await call('GetThing', { Type: 1 });
    expect(result.error).toMatchObject({ Code: 'Throttling', attempts: 1 });
    expect(time.waits).toEqual([]);
  });
});
