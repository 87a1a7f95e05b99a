// fromAssumeRole end to end: a VMS client whose keys come from the mock's STS AssumeRole.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fromAssumeRole, isCredentialsError } from '../src/index.ts';
import { type Harness, MOCK_CREDENTIALS, ROLE, signedWith, startHarness } from './helpers.ts';

const DELETE = { ResourceKey: 'k1' };

describe('fromAssumeRole against the mock STS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.server.mock.requests.clear();
    h.server.mock.scenarios.clear();
  });

  const provider = (options: Partial<Parameters<typeof fromAssumeRole>[0]> = {}) =>
    fromAssumeRole({
      roleTrn: ROLE,
      roleSessionName: 'ci',
      source: MOCK_CREDENTIALS,
      sts: h.sts,
      now: h.now,
      ...options,
    });

  it('signs AssumeRole with the source keys and the VMS call with the temporary ones and their token', async () => {
    const vms = h.vms(provider());
    const { data, error } = await vms.OpenDeleteResource(DELETE);
    expect(error).toBeUndefined();
    expect(data?.Result).toEqual({ ResourceKey: 'k1' });
    const [assume] = h.received('AssumeRole');
    expect(assume?.method).toBe('GET');
    expect(assume?.url).toContain('RoleTrn=trn%3Aiam%3A%3A2000012345%3Arole%2Fci-deployer');
    expect(signedWith(assume)).toBe(MOCK_CREDENTIALS.accessKeyId);
    const [call] = h.received('OpenDeleteResource');
    expect(signedWith(call)).toMatch(/^AKTP/);
    expect(call?.headers['x-security-token']).toBe('<redacted>');
  });

  it('returns the keys with the expiration STS stated in +08:00', async () => {
    const keys = await provider({ durationSeconds: 7200 })();
    const answer = JSON.stringify(h.received('AssumeRole').at(-1));
    expect(keys.accessKeyId).toMatch(/^AKTP/);
    expect(keys.sessionToken).toMatch(/^STS2/);
    expect(keys.expiration?.getTime()).toBe(Math.floor(h.now() / 1000) * 1000 + 7_200_000);
    expect(answer).toContain('DurationSeconds=7200');
  });

  it('shares one AssumeRole among concurrent calls and clients, and refreshes once the clock passes expiry', async () => {
    const shared = provider();
    const first = h.vms(shared);
    const second = h.vms(shared);
    await Promise.all([
      first.OpenDeleteResource(DELETE),
      second.OpenDeleteResource(DELETE),
      first.OpenDeleteResource(DELETE),
    ]);
    expect(h.received('AssumeRole')).toHaveLength(1);
    const before = signedWith(h.received('OpenDeleteResource')[0]);

    h.advance(3_600_000 + 1_000); // past ExpiredTime: the mock now refuses those keys
    const { error } = await first.OpenDeleteResource(DELETE);
    expect(error).toBeUndefined();
    expect(h.received('AssumeRole')).toHaveLength(2);
    const after = signedWith(h.received('OpenDeleteResource').at(-1));
    expect(after).toMatch(/^AKTP/);
    expect(after).not.toBe(before);
  });

  it('turns an STS refusal into a CredentialsError that names the role and never the secret', async () => {
    h.server.mock.scenarios.add({ action: 'AssumeRole', error: 'AccessDenied' });
    const failure = await h
      .vms(provider())
      .OpenDeleteResource(DELETE)
      .catch((error: unknown) => error);
    expect(isCredentialsError(failure)).toBe(true);
    const message = (failure as Error).message;
    expect(message).toContain(`AssumeRole for role ${ROLE} failed: AccessDenied`);
    expect(message).toMatch(/RequestId \w+/);
    expect(message).not.toContain(MOCK_CREDENTIALS.secretAccessKey);
    expect((failure as Error).cause).toMatchObject({ name: 'RpcError', Code: 'AccessDenied' });
    expect(h.received('OpenDeleteResource')).toHaveLength(0);
  });

  it('keeps valid keys when a refresh fails, then tries again after the backoff', async () => {
    const keys = provider({ refreshBeforeMs: 600_000, retryDelayMs: 5_000 });
    const vms = h.vms(keys);
    await vms.OpenDeleteResource(DELETE);
    h.advance(3_600_000 - 300_000); // five minutes left: inside the ten-minute refresh window
    h.server.mock.scenarios.add({ action: 'AssumeRole', error: 'AccessDenied', times: 1 });
    expect((await vms.OpenDeleteResource(DELETE)).error).toBeUndefined();
    expect(h.received('AssumeRole')).toHaveLength(2);
    await vms.OpenDeleteResource(DELETE); // within the backoff: no new try
    expect(h.received('AssumeRole')).toHaveLength(2);
    h.advance(5_000);
    expect((await vms.OpenDeleteResource(DELETE)).error).toBeUndefined();
    expect(h.received('AssumeRole')).toHaveLength(3);
    const signers = h.received('OpenDeleteResource').map(signedWith);
    expect(signers[2]).toBe(signers[0]);
    expect(signers[3]).not.toBe(signers[0]);
  });

  it('chains roles: the second hop is signed with the first hop’s temporary keys', async () => {
    const first = provider();
    const second = fromAssumeRole({
      roleTrn: 'trn:iam::2000012345:role/prod',
      source: first,
      sts: h.sts,
      now: h.now,
    });
    expect((await h.vms(second).OpenDeleteResource(DELETE)).error).toBeUndefined();
    const [hop1, hop2] = h.received('AssumeRole');
    expect(signedWith(hop1)).toBe(MOCK_CREDENTIALS.accessKeyId);
    expect(signedWith(hop2)).toMatch(/^AKTP/);
  });
});
