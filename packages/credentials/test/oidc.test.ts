// fromOidc end to end: AssumeRoleWithOIDC is sent unsigned, and a rotated token file is read again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsError, fromOidc, oidcFromEnv } from '../src/index.ts';
import { type Harness, ROLE, signedWith, startHarness } from './helpers.ts';

const DELETE = { ResourceKey: 'k1' };
const tokenOf = (body: string) => new URLSearchParams(body).get('OIDCToken');

describe('fromOidc against the mock STS', () => {
  let h: Harness;
  let folder: string;
  let tokenFile: string;
  beforeAll(async () => {
    h = await startHarness();
    folder = mkdtempSync(join(tmpdir(), 'oidc-'));
    tokenFile = join(folder, 'token');
  });
  afterAll(async () => {
    await h.close();
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(() => h.server.mock.requests.clear());

  it('sends AssumeRoleWithOIDC unsigned and signs the VMS call with the keys it returns', async () => {
    writeFileSync(tokenFile, 'token-one\n');
    const vms = h.vms(fromOidc({ roleTrn: ROLE, tokenFile, sts: h.sts, now: h.now }));
    expect((await vms.OpenDeleteResource(DELETE)).error).toBeUndefined();
    const [exchange] = h.received('AssumeRoleWithOIDC');
    expect(exchange?.headers.authorization).toBeUndefined();
    expect(exchange?.headers['x-date']).toBeUndefined();
    expect(tokenOf(exchange?.body ?? '')).toBe('token-one');
    expect(new URLSearchParams(exchange?.body).get('RoleTrn')).toBe(ROLE);
    expect(signedWith(h.received('OpenDeleteResource')[0])).toMatch(/^AKTP/);
  });

  it('reads the token file again at the refresh after it rotated', async () => {
    writeFileSync(tokenFile, 'token-one');
    const vms = h.vms(fromOidc({ roleTrn: ROLE, tokenFile, sts: h.sts, now: h.now }));
    await vms.OpenDeleteResource(DELETE);
    writeFileSync(tokenFile, 'token-two');
    h.advance(3_600_000);
    expect((await vms.OpenDeleteResource(DELETE)).error).toBeUndefined();
    expect(h.received('AssumeRoleWithOIDC').map((request) => tokenOf(request.body))).toEqual([
      'token-one',
      'token-two',
    ]);
  });

  it('names a token file that is missing or empty, and asks for exactly one token source', async () => {
    const missing = fromOidc({ roleTrn: ROLE, tokenFile: join(folder, 'absent'), sts: h.sts });
    await expect(missing()).rejects.toThrow(
      `cannot read the OIDC token file ${join(folder, 'absent')} for role ${ROLE}: ENOENT`,
    );
    writeFileSync(tokenFile, '  \n');
    await expect(fromOidc({ roleTrn: ROLE, tokenFile, sts: h.sts })()).rejects.toThrow(
      `the OIDC token file ${tokenFile} for role ${ROLE} is empty`,
    );
    expect(() => fromOidc({ roleTrn: ROLE })).toThrow(CredentialsError);
    expect(() => fromOidc({ roleTrn: ROLE, token: 't', tokenFile })).toThrow(
      'give exactly one of `token` and `tokenFile`',
    );
  });

  it('takes a token function, and is configured by the official SDKs’ variables', async () => {
    let token = 'from-function';
    const keys = await fromOidc({ roleTrn: ROLE, token: () => token, sts: h.sts, now: h.now })();
    expect(keys.accessKeyId).toMatch(/^AKTP/);
    token = 'unused';
    expect(tokenOf(h.received('AssumeRoleWithOIDC')[0]?.body ?? '')).toBe('from-function');

    expect(oidcFromEnv({ VOLCENGINE_OIDC_ROLE_TRN: ROLE })).toBeUndefined();
    writeFileSync(tokenFile, 'from-env');
    const fromEnv = oidcFromEnv(
      {
        VOLCENGINE_OIDC_ROLE_TRN: ROLE,
        VOLCENGINE_OIDC_TOKEN_FILE: tokenFile,
        VOLCENGINE_OIDC_ROLE_SESSION_NAME: 'pod-7',
        VOLCENGINE_OIDC_STS_ENDPOINT: h.server.url,
      },
      { now: h.now },
    );
    expect((await fromEnv?.())?.accessKeyId).toMatch(/^AKTP/);
    const sent = new URLSearchParams(h.received('AssumeRoleWithOIDC')[1]?.body);
    expect([sent.get('OIDCToken'), sent.get('RoleSessionName')]).toEqual(['from-env', 'pod-7']);
  });
});
