// Timeouts per attempt and per call, and the caller's AbortSignal, against the mock's slow answers.
// Real timers here: the mock delays its answer, the client gives up first.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { anySignal, RpcError } from '../src/index.ts';
import { clearScenarios, type Mock, received, scenario, startMock, testClient } from './helpers.ts';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
beforeEach(() => clearScenarios(mock));
afterEach(() => vi.unstubAllGlobals());

const slow = { headers: { 'X-Mock-Scenario': 'delayMs=2000' } };

describe('timeouts', () => {
  it('times out an attempt and retries an idempotent call, then throws a timeout error', async () => {
    const { call, waits } = testClient(mock, { timeoutMs: 100 });
    const failure = await call('GetThing', { Type: 1 }, slow).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RpcError);
    expect(failure).toMatchObject({ kind: 'timeout', Code: 'RequestTimeout', attempts: 3 });
    expect(waits).toHaveLength(2);
  });

  it('recovers when only the first attempt is slow', async () => {
    const { call } = testClient(mock, { timeoutMs: 150 });
    await scenario(mock, { action: 'GetThing', delayMs: 2000, times: 1 });
    const result = await call('GetThing', { Type: 1 });
    expect(result.error).toBeUndefined();
    const requests = await received(mock);
    expect(requests.at(-1)?.status).toBe(200);
    expect(requests.length).toBeGreaterThanOrEqual(2);
  });

  it('bounds the whole call, waits included, and does not retry past it', async () => {
    const { call } = testClient(mock, { timeoutMs: 5000, sleep: undefined, retry: { baseDelayMs: 1000 } });
    const started = Date.now();
    const failure = await call('GetThing', { Type: 1 }, { ...slow, callTimeoutMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({
      kind: 'timeout',
      Message: 'No answer within 200 ms (callTimeoutMs: the whole call)',
      attempts: 1,
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('uses the per-call attempt timeout over the client one', async () => {
    const { call } = testClient(mock, { timeoutMs: 10_000, retry: false });
    await expect(call('GetThing', { Type: 1 }, { ...slow, timeoutMs: 80 })).rejects.toMatchObject({
      kind: 'timeout',
      Message: 'No answer within 80 ms (timeoutMs: one attempt)',
    });
  });
});

describe('abort', () => {
  it('throws an aborted error when the caller aborts during an attempt, without retrying', async () => {
    const { call, waits } = testClient(mock);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    const failure = await call('GetThing', { Type: 1 }, { ...slow, signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ kind: 'aborted', Code: 'RequestAborted' });
    expect(waits).toEqual([]);
  });

  it('throws an aborted error when the caller aborts during a backoff wait', async () => {
    const controller = new AbortController();
    const { call } = testClient(mock, { sleep: undefined, retry: { baseDelayMs: 5000 }, random: () => 0.9 });
    await scenario(mock, { action: 'GetThing', error: 'ServiceUnavailable' });
    setTimeout(() => controller.abort(), 150);
    await expect(call('GetThing', { Type: 1 }, { signal: controller.signal })).rejects.toMatchObject({
      kind: 'aborted',
    });
  });

  it('throws at once for a signal aborted before the call', async () => {
    const { call } = testClient(mock);
    await expect(call('GetThing', { Type: 1 }, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      kind: 'aborted',
    });
  });

  it('combines signals without AbortSignal.any', async () => {
    vi.stubGlobal('AbortSignal', Object.assign(Object.create(AbortSignal), { any: undefined }));
    const a = new AbortController();
    const b = new AbortController();
    const combined = anySignal([a.signal, undefined, b.signal]);
    expect(combined?.aborted).toBe(false);
    b.abort('why');
    expect(combined?.aborted).toBe(true);
    expect(combined?.reason).toBe('why');
    expect(anySignal([a.signal])).toBe(a.signal);
    vi.unstubAllGlobals();
    const { call } = testClient(mock, { timeoutMs: 80, retry: false });
    vi.stubGlobal('AbortSignal', Object.assign(Object.create(AbortSignal), { any: undefined }));
    await expect(call('GetThing', { Type: 1 }, slow)).rejects.toMatchObject({ kind: 'timeout' });
  });
});
