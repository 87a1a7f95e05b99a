// The mock plays STS: AssumeRole and AssumeRoleWithOIDC issue temporary credentials that every served
// service accepts with their own X-Security-Token until they expire, and refuses after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../src/index.ts';
import { call, errorOf, type Json, postForm, postJson, realSpec, stsSpec } from './helpers.ts';

const ASSUME_ROLE =
  '/?Action=AssumeRole&Version=2018-01-01&RoleTrn=trn:iam::2000012345:role/ci&RoleSessionName=ci';
const OIDC = '/?Action=AssumeRoleWithOIDC&Version=2018-01-01';
const DELETE = '/?Action=OpenDeleteResource&Version=2022-01-01';
const STS = { service: 'sts', region: 'cn-beijing' };
const RFC3339_CHINA = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;

interface Issued {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  CurrentTime: string;
  ExpiredTime: string;
}

const credentialsOf = (answer: { json: Json }) => (answer.json.Result as { Credentials: Issued }).Credentials;

describe('temporary credentials issued by the mock STS', () => {
  let server: RunningMockServer;
  let clock = new Date('2026-12-07T10:00:00Z');
  beforeAll(async () => {
    server = await startMockServer({ specs: [realSpec(), stsSpec()], now: () => clock });
  });
  afterAll(() => server.close());

  const assumeRole = async (query = '') => {
    const answer = await call(server, ASSUME_ROLE + query, {}, { ...STS, date: clock });
    expect(answer.status, answer.text).toBe(200);
    return credentialsOf(answer);
  };
  const deleteWith = (credentials: Partial<Issued>) =>
    call(server, DELETE, postJson({ ResourceKey: 'k1' }), {
      date: clock,
      ...(credentials.AccessKeyId ? { accessKeyId: credentials.AccessKeyId } : {}),
      ...(credentials.SecretAccessKey ? { secretAccessKey: credentials.SecretAccessKey } : {}),
      ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
    });

  it('issues an AKTP key, a secret and a session token with times in +08:00', async () => {
    const issued = await assumeRole();
    expect(issued.AccessKeyId).toMatch(/^AKTP/);
    expect(issued.SessionToken).toMatch(/^STS2/);
    expect(issued.SecretAccessKey.length).toBeGreaterThan(20);
    expect(issued.CurrentTime).toMatch(RFC3339_CHINA);
    expect(issued.ExpiredTime).toMatch(RFC3339_CHINA);
    expect(Date.parse(issued.CurrentTime)).toBe(clock.getTime());
    expect(Date.parse(issued.ExpiredTime) - clock.getTime()).toBe(3_600_000);
    expect((await assumeRole()).AccessKeyId).not.toBe(issued.AccessKeyId);
  });

  it('clamps DurationSeconds as the vendor page says: below 900 → 3600, above 43200 → 43200', async () => {
    const lifetime = async (seconds: number) =>
      (Date.parse((await assumeRole(`&DurationSeconds=${seconds}`)).ExpiredTime) - clock.getTime()) / 1000;
    expect(await lifetime(100)).toBe(3600);
    expect(await lifetime(900)).toBe(900);
    expect(await lifetime(7200)).toBe(7200);
    expect(await lifetime(50_000)).toBe(43_200);
  });

  it('lets another service accept the keys with their token, and refuses them without it or with another', async () => {
    const issued = await assumeRole();
    const ok = await deleteWith(issued);
    expect(ok.status, ok.text).toBe(200);

    const other = await assumeRole();
    const swapped = await deleteWith({ ...issued, SessionToken: other.SessionToken });
    expect(swapped.status).toBe(401);
    expect(errorOf(swapped)).toMatchObject({ Code: 'InvalidSecretToken' });
    expect(errorOf(swapped).Message).toContain('does not belong');

    const bare = await deleteWith({
      AccessKeyId: issued.AccessKeyId,
      SecretAccessKey: issued.SecretAccessKey,
    });
    expect(errorOf(bare).Code).toBe('InvalidSecretToken');
    expect(errorOf(bare).Message).toContain('without its security token');

    const longTermWithToken = await deleteWith({ SessionToken: issued.SessionToken });
    expect(errorOf(longTermWithToken).Code).toBe('InvalidSecretToken');

    const wrongSecret = await deleteWith({ ...issued, SecretAccessKey: 'not-the-secret' });
    expect(errorOf(wrongSecret).Code).toBe('SignatureDoesNotMatch');
  });

  it('refuses the keys once they expire', async () => {
    const issued = await assumeRole('&DurationSeconds=900');
    clock = new Date(clock.getTime() + 899_000);
    expect((await deleteWith(issued)).status).toBe(200);
    clock = new Date(clock.getTime() + 1_000);
    const expired = await deleteWith(issued);
    expect(expired.status).toBe(401);
    expect(errorOf(expired)).toMatchObject({ Code: 'InvalidSecretToken' });
    expect(errorOf(expired).Message).toContain(`expired at ${issued.ExpiredTime}`);
  });

  it('issues credentials for an unsigned AssumeRoleWithOIDC call too', async () => {
    const body = new URLSearchParams({
      RoleTrn: 'trn:iam::2000012345:role/pod',
      RoleSessionName: 'pod',
      OIDCToken: 'eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl',
    });
    const answer = await call(server, OIDC, postForm(body.toString()), { sign: false });
    expect(answer.status, answer.text).toBe(200);
    const issued = credentialsOf(answer);
    expect(issued.AccessKeyId).toMatch(/^AKTP/);
    expect((await deleteWith(issued)).status).toBe(200);
  });

  it('forgets issued keys on DELETE /__mock/state', async () => {
    const issued = await assumeRole();
    await fetch(`${server.url}/__mock/state`, { method: 'DELETE' });
    expect(errorOf(await deleteWith(issued)).Code).toBe('InvalidAccessKey');
  });
});
