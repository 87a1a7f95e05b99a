// The default chain in its stated order: environment → OIDC → profile → ~/.volc/config.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultChain } from '../src/index.ts';
import { type Harness, MOCK_CREDENTIALS, ROLE, signedWith, startHarness } from './helpers.ts';

describe('defaultChain', () => {
  let h: Harness;
  let home: string;
  let tokenFile: string;
  beforeAll(async () => {
    h = await startHarness();
    home = mkdtempSync(join(tmpdir(), 'chain-'));
    mkdirSync(join(home, '.volcengine'));
    mkdirSync(join(home, '.volc'));
    tokenFile = join(home, 'token');
    writeFileSync(tokenFile, 'pod-token');
  });
  afterAll(async () => {
    await h.close();
    rmSync(home, { recursive: true, force: true });
  });
  beforeEach(() => {
    h.server.mock.requests.clear();
    rmSync(join(home, '.volcengine', 'config.json'), { force: true });
    rmSync(join(home, '.volc', 'config'), { force: true });
  });

  const ENV_KEYS = { VOLC_ACCESSKEY: 'AKenv', VOLC_SECRETKEY: 'SKenv' };
  const OIDC = { VOLCENGINE_OIDC_ROLE_TRN: ROLE, VOLCENGINE_OIDC_TOKEN_FILE: '' };
  const chain = (env: Record<string, string>) => defaultChain({ env, home, sts: h.sts, now: h.now });
  const writeProfile = () =>
    writeFileSync(
      join(home, '.volcengine', 'config.json'),
      JSON.stringify({ profiles: { default: { 'access-key': 'AKprofile', 'secret-key': 'SKprofile' } } }),
    );
  const writeFlat = () =>
    writeFileSync(
      join(home, '.volc', 'config'),
      JSON.stringify({ VOLC_ACCESSKEY: 'AKflat', VOLC_SECRETKEY: 'SKflat' }),
    );

  it('takes the first source that has keys, in the stated order', async () => {
    const oidc = { ...OIDC, VOLCENGINE_OIDC_TOKEN_FILE: tokenFile };
    writeProfile();
    writeFlat();
    expect((await chain({ ...ENV_KEYS, ...oidc })()).accessKeyId).toBe('AKenv');
    expect((await chain(oidc)()).accessKeyId).toMatch(/^AKTP/);
    expect(h.received('AssumeRoleWithOIDC')).toHaveLength(1);
    expect((await chain({})()).accessKeyId).toBe('AKprofile');
    rmSync(join(home, '.volcengine', 'config.json'));
    expect((await chain({})()).accessKeyId).toBe('AKflat');
    rmSync(join(home, '.volc', 'config'));
    await expect(chain({})()).rejects.toThrow(/No Volcengine credentials/);
  });

  it('signs a VMS call with a profile chain resolved through the mock STS', async () => {
    writeFileSync(
      join(home, '.volcengine', 'config.json'),
      JSON.stringify({
        profiles: {
          base: {
            'access-key': MOCK_CREDENTIALS.accessKeyId,
            'secret-key': MOCK_CREDENTIALS.secretAccessKey,
          },
          deploy: { 'role-trn': ROLE, 'source-profile': 'base' },
        },
      }),
    );
    const vms = h.vms(chain({ VOLC_PROFILE: 'deploy' }));
    expect((await vms.OpenDeleteResource({ ResourceKey: 'k1' })).error).toBeUndefined();
    expect(signedWith(h.received('AssumeRole')[0])).toBe(MOCK_CREDENTIALS.accessKeyId);
    expect(signedWith(h.received('OpenDeleteResource')[0])).toMatch(/^AKTP/);
  });

  it('stops at a source that is set up wrongly instead of skipping it', async () => {
    writeFileSync(join(home, '.volcengine', 'config.json'), '{"profiles": ');
    writeFlat();
    await expect(chain({})()).rejects.toThrow(/config\.json:1:\d+: not valid JSON/);
  });
});
