// Clock skew: a client whose clock is off gets InvalidTimestamp, re-signs once with the server's Date
// as its clock, and keeps that offset for later calls.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/index.ts';
import { clearScenarios, type Mock, received, startMock, testClient } from './helpers.ts';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
beforeEach(() => clearScenarios(mock));

const HOUR = 3_600_000;

describe('clock skew', () => {
  it('re-signs once by the server Date after InvalidTimestamp, also for non-idempotent calls, and logs it', async () => {
    const warnings: [string, Record<string, unknown> | undefined][] = [];
    const logger = createLogger({
      level: 'warn',
      logger: {
        debug() {},
        info() {},
        warn: (message, fields) => warnings.push([message, fields]),
        error() {},
      },
    });
    const { call, waits } = testClient(mock, { now: () => Date.now() - HOUR, logger });
    const result = await call('CreateThing', { Name: 'x' });
    expect(result.error).toBeUndefined();
    const requests = await received(mock);
    expect(requests.map((r) => [r.status, r.errorCode])).toEqual([
      [400, 'InvalidTimestamp'],
      [200, undefined],
    ]);
    expect(waits).toEqual([]);
    // Said once in the log, with the offset learnt from the server's Date (an hour, give or take a second).
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[0]).toBe('clock skew');
    expect(warnings[0]?.[1]).toMatchObject({ action: 'CreateThing', code: 'InvalidTimestamp' });
    expect(Math.abs(Number(warnings[0]?.[1]?.skewMs) - HOUR)).toBeLessThan(2000);

    // The offset is kept: the next call is signed right the first time.
    expect((await call('CreateThing', { Name: 'y' })).error).toBeUndefined();
    expect((await received(mock)).map((r) => r.status)).toEqual([200]);
  });

  it('re-signs only once', async () => {
    const { call } = testClient(mock, { now: () => Date.now() + HOUR });
    const result = await call(
      'CreateThing',
      { Name: 'x' },
      { headers: { 'X-Mock-Scenario': 'error=InvalidTimestamp' } },
    );
    expect(result.error).toMatchObject({ Code: 'InvalidTimestamp', attempts: 2 });
    expect(await received(mock)).toHaveLength(2);
  });

  it('treats SignatureDoesNotMatch as skew only when the server clock is far from ours', async () => {
    const { call } = testClient(mock);
    const result = await call(
      'CreateThing',
      { Name: 'x' },
      { headers: { 'X-Mock-Scenario': 'error=SignatureDoesNotMatch' } },
    );
    expect(result.error).toMatchObject({ Code: 'SignatureDoesNotMatch', status: 401, attempts: 1 });
  });
});
