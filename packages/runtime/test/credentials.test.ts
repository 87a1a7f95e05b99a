// The credentials chain: static keys, environment, ~/.volc/config (in a temporary HOME), and async
// STS-like providers cached until shortly before they expire.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRpcClient as createBrowserClient } from '../src/index.ts';
import {
  CredentialsError,
  cachedCredentials,
  chainCredentials,
  createRpcClient,
  defaultCredentials,
  fromEnv,
  fromSharedConfig,
  type ProvidedCredentials,
} from '../src/node.ts';
import { MOCK_CREDENTIALS, type Mock, received, startMock, testClient } from './helpers.ts';
import { operations } from './spec.ts';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
afterEach(() => vi.unstubAllEnvs());
beforeEach(async () => {
  await received(mock);
});

const ENV = { VOLC_ACCESSKEY: 'AKenv', VOLC_SECRETKEY: 'SKenv' };

function tempHome(config?: string): string {
  const home = mkdtempSync(join(tmpdir(), 'volc-home-'));
  if (config !== undefined) {
    mkdirSync(join(home, '.volc'));
    writeFileSync(join(home, '.volc', 'config'), config);
  }
  return home;
}

const clearEnv = () => {
  vi.stubEnv('VOLC_ACCESSKEY', '');
  vi.stubEnv('VOLC_SECRETKEY', '');
  vi.stubEnv('VOLC_SESSION_TOKEN', '');
};

describe('providers', () => {
  it('reads the environment, with an optional session token', () => {
    expect(fromEnv(ENV)()).toEqual({ accessKeyId: 'AKenv', secretAccessKey: 'SKenv' });
    expect(fromEnv({ ...ENV, VOLC_SESSION_TOKEN: 'tok' })()).toMatchObject({ sessionToken: 'tok' });
    expect(fromEnv({ VOLC_ACCESSKEY: 'AK' })()).toBeUndefined();
  });

  it('reads ~/.volc/config, the file of the official SDK', async () => {
    clearEnv();
    vi.stubEnv('HOME', tempHome(JSON.stringify({ VOLC_ACCESSKEY: 'AKfile', VOLC_SECRETKEY: 'SKfile' })));
    expect(await fromSharedConfig()()).toEqual({ accessKeyId: 'AKfile', secretAccessKey: 'SKfile' });
    vi.stubEnv('HOME', tempHome());
    expect(await fromSharedConfig()()).toBeUndefined();
    vi.stubEnv('HOME', tempHome('not json SKsecret'));
    const failure = await Promise.resolve(fromSharedConfig()()).catch((e: Error) => e);
    expect(String(failure)).toMatch(/\.volc\/config is not JSON/);
    expect(String(failure)).not.toContain('SKsecret');
  });

  it('prefers the environment over the file in the default chain', async () => {
    vi.stubEnv('HOME', tempHome(JSON.stringify({ VOLC_ACCESSKEY: 'AKfile', VOLC_SECRETKEY: 'SKfile' })));
    vi.stubEnv('VOLC_ACCESSKEY', 'AKenv');
    vi.stubEnv('VOLC_SECRETKEY', 'SKenv');
    expect(await defaultCredentials()).toMatchObject({ accessKeyId: 'AKenv' });
    clearEnv();
    expect(await defaultCredentials()).toMatchObject({ accessKeyId: 'AKfile' });
    expect(
      await chainCredentials(
        () => undefined,
        () => ({ accessKeyId: 'A', secretAccessKey: 'S' }),
      )(),
    ).toMatchObject({
      accessKeyId: 'A',
    });
  });
});

describe('clients', () => {
  const client = (credentials?: Parameters<typeof createRpcClient>[0]['credentials']) =>
    createRpcClient<object>({
      endpoint: mock.url,
      region: 'cn-beijing',
      service: 'vms',
      credentials,
      operations,
    });

  it('signs with keys from the environment when given none', async () => {
    vi.stubEnv('HOME', tempHome());
    vi.stubEnv('VOLC_ACCESSKEY', MOCK_CREDENTIALS.accessKeyId);
    vi.stubEnv('VOLC_SECRETKEY', MOCK_CREDENTIALS.secretAccessKey);
    const { call } = testClient(mock, { credentials: undefined });
    expect((await call('GetThing', { Type: 1 })).error).toBeUndefined();
    expect(client).toBeTypeOf('function');
  });

  it('signs with keys from ~/.volc/config in a temporary HOME', async () => {
    clearEnv();
    vi.stubEnv(
      'HOME',
      tempHome(
        JSON.stringify({
          VOLC_ACCESSKEY: MOCK_CREDENTIALS.accessKeyId,
          VOLC_SECRETKEY: MOCK_CREDENTIALS.secretAccessKey,
        }),
      ),
    );
    const { call } = testClient(mock, { credentials: undefined });
    expect((await call('GetThing', { Type: 1 })).error).toBeUndefined();
  });

  it('fails with an error naming every way to provide credentials', async () => {
    clearEnv();
    vi.stubEnv('HOME', tempHome());
    const { call } = testClient(mock, { credentials: undefined });
    const failure = await call('GetThing', { Type: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CredentialsError);
    for (const way of [
      '`credentials`',
      'VOLC_ACCESSKEY',
      'VOLC_SECRETKEY',
      'VOLC_SESSION_TOKEN',
      '~/.volc/config',
    ])
      expect((failure as Error).message).toContain(way);
    // Empty static keys (e.g. `process.env.X ?? ''`) fail the same way.
    await expect(
      testClient(mock, { credentials: { accessKeyId: '', secretAccessKey: '' } }).call('GetThing', {
        Type: 1,
      }),
    ).rejects.toThrow(CredentialsError);
    // The browser/edge entry has no default chain.
    const browser = createBrowserClient<object>({ endpoint: mock.url, region: 'cn-beijing', service: 'vms' });
    await expect(
      (browser as unknown as { GET(p: string): Promise<unknown> }).GET(
        '/?Action=GetThing&Version=2022-01-01',
      ),
    ).rejects.toThrow(CredentialsError);
    expect(await received(mock)).toEqual([]);
  });

  it('caches STS credentials and refreshes them shortly before they expire', async () => {
    let t = Date.now();
    let issued = 0;
    const sts = vi.fn(async (): Promise<ProvidedCredentials> => {
      issued++;
      return { ...MOCK_CREDENTIALS, sessionToken: `token-${issued}`, expiration: new Date(t + 15 * 60_000) };
    });
    const { call } = testClient(mock, { credentials: sts, now: () => t });
    await Promise.all([call('GetThing', { Type: 1 }), call('GetThing', { Type: 1 })]);
    expect(sts).toHaveBeenCalledTimes(1);
    t += 9 * 60_000; // 6 minutes left: still outside the 5-minute refresh window
    await call('GetThing', { Type: 1 });
    expect(sts).toHaveBeenCalledTimes(1);
    t += 2 * 60_000; // 4 minutes left: refreshed
    await call('GetThing', { Type: 1 });
    expect(sts).toHaveBeenCalledTimes(2);
    const tokens = (await received(mock)).map((r) => r.headers['x-security-token']);
    expect(tokens).toEqual(['<redacted>', '<redacted>', '<redacted>', '<redacted>']);
  });

  it('keeps valid cached keys when a refresh fails, and asks again for keys without expiration', async () => {
    let t = 0;
    let fail = false;
    const provider = cachedCredentials(
      async () => {
        if (fail) throw new Error('sts down');
        return { accessKeyId: 'A', secretAccessKey: 'S', expiration: new Date(t + 10 * 60_000) };
      },
      { now: () => t },
    );
    await provider();
    fail = true;
    t += 7 * 60_000;
    expect(await provider()).toMatchObject({ accessKeyId: 'A' });
    t += 4 * 60_000;
    await expect(provider()).rejects.toThrow('sts down');
    const rotating = vi.fn(() => ({ accessKeyId: 'A', secretAccessKey: 'S' }));
    const uncached = cachedCredentials(rotating);
    await uncached();
    await uncached();
    expect(rotating).toHaveBeenCalledTimes(2);
  });
  it('backs off after a failed refresh while the keys are valid, and never returns expired keys', async () => {
    let t = 0;
    let fail = false;
    const source = vi.fn(async () => {
      if (fail) throw new Error('sts down');
      return { accessKeyId: 'A', secretAccessKey: 'S', expiration: new Date(t + 10 * 60_000) };
    });
    const provider = cachedCredentials(source, {
      now: () => t,
      refreshBeforeMs: 60_000,
      retryDelayMs: 1_000,
    });
    await provider();
    fail = true;
    t = 9.5 * 60_000; // inside the one-minute window: one try, then the valid keys
    expect(await provider()).toMatchObject({ accessKeyId: 'A' });
    expect(source).toHaveBeenCalledTimes(2);
    t += 500; // before the 1 s delay: no new try
    await provider();
    expect(source).toHaveBeenCalledTimes(2);
    t += 600; // due: tries again, fails, and now waits 2 s
    await provider();
    expect(source).toHaveBeenCalledTimes(3);
    t += 1_500;
    await provider();
    expect(source).toHaveBeenCalledTimes(3);
    t = 10 * 60_000; // expired: the keys are not used, the failure is thrown
    await expect(provider()).rejects.toThrow('sts down');
    fail = false;
    expect(await provider()).toMatchObject({ accessKeyId: 'A' });
    expect(source).toHaveBeenCalledTimes(5);
  });

  it('refuses keys that have already expired, and wraps a caching provider only once', async () => {
    const stale = cachedCredentials(() => ({
      accessKeyId: 'A',
      secretAccessKey: 'S',
      expiration: new Date(0),
    }));
    await expect(stale()).rejects.toThrow(/expired at 1970-01-01T00:00:00.000Z/);
    const shared = cachedCredentials(() => ({ accessKeyId: 'A', secretAccessKey: 'S' }));
    expect(cachedCredentials(shared)).toBe(shared);
  });
});
