// Named profiles of ~/.volcengine/config.json: selection, a role profile with a source profile end to
// end against the mock, and every way a file or entry can be wrong, named with file and entry.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fromProfile, type ProfileEntry } from '../src/index.ts';
import { type Harness, MOCK_CREDENTIALS, ROLE, signedWith, startHarness } from './helpers.ts';

const BASE: ProfileEntry = {
  mode: 'AK',
  'access-key': MOCK_CREDENTIALS.accessKeyId,
  'secret-key': MOCK_CREDENTIALS.secretAccessKey,
};

describe('fromProfile', () => {
  let h: Harness;
  let home: string;
  let file: string;
  beforeAll(async () => {
    h = await startHarness();
    home = mkdtempSync(join(tmpdir(), 'profiles-'));
    mkdirSync(join(home, '.volcengine'));
    file = join(home, '.volcengine', 'config.json');
  });
  afterAll(async () => {
    await h.close();
    rmSync(home, { recursive: true, force: true });
  });
  beforeEach(() => h.server.mock.requests.clear());

  const write = (config: unknown) =>
    writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  const profile = (env: Record<string, string> = {}, name?: string) =>
    fromProfile({ home, env, sts: h.sts, now: h.now, ...(name ? { profile: name } : {}) });

  it('reads the profile VOLC_PROFILE selects, else the file’s current one, else "default"', async () => {
    write({
      current: 'work',
      profiles: {
        default: { ...BASE, 'access-key': 'AKdefault' },
        work: { ...BASE, 'access-key': 'AKwork' },
        other: { ...BASE, 'access-key': 'AKother' },
      },
    });
    expect((await profile()())?.accessKeyId).toBe('AKwork');
    expect((await profile({ VOLC_PROFILE: 'other' })())?.accessKeyId).toBe('AKother');
    expect((await profile({ VOLCENGINE_PROFILE: 'default' })())?.accessKeyId).toBe('AKdefault');
    expect((await profile({ VOLC_PROFILE: 'other' }, 'default')())?.accessKeyId).toBe('AKdefault');
    write({ profiles: { default: { ...BASE, 'session-token': 'tok' } } });
    expect(await profile()()).toEqual({ ...MOCK_CREDENTIALS, sessionToken: 'tok' });
  });

  it('resolves a profile that names a role and a source profile, end to end against the mock', async () => {
    write({
      profiles: {
        base: BASE,
        deploy: {
          'role-trn': ROLE,
          'source-profile': 'base',
          'role-session-name': 'laptop',
          'duration-seconds': 1800,
        },
      },
    });
    const vms = h.vms(profile({ VOLC_PROFILE: 'deploy' }));
    expect((await vms.OpenDeleteResource({ ResourceKey: 'k1' })).error).toBeUndefined();
    const [assume] = h.received('AssumeRole');
    expect(signedWith(assume)).toBe(MOCK_CREDENTIALS.accessKeyId);
    expect(assume?.url).toContain('RoleSessionName=laptop');
    expect(assume?.url).toContain('DurationSeconds=1800');
    expect(signedWith(h.received('OpenDeleteResource')[0])).toMatch(/^AKTP/);
  });

  it('resolves the official RamRoleArn mode with inline keys and account-id + role-name', async () => {
    write({
      profiles: {
        default: { ...BASE, mode: 'RamRoleArn', 'account-id': '2000012345', 'role-name': 'ci-deployer' },
      },
    });
    expect((await profile()())?.accessKeyId).toMatch(/^AKTP/);
    expect(h.received('AssumeRole')[0]?.url).toContain(encodeURIComponent(ROLE));
  });

  it('goes on (undefined) without a file or without any selected profile', async () => {
    rmSync(file, { force: true });
    expect(await profile()()).toBeUndefined();
    write({ profiles: { other: BASE } });
    expect(await profile()()).toBeUndefined();
  });

  it.each([
    [
      'an unknown profile',
      { profiles: { base: BASE } },
      { VOLC_PROFILE: 'prod' },
      /config\.json: no profile "prod" \(selected by VOLC_PROFILE\); profiles: base/,
    ],
    [
      'a current profile that is missing',
      { current: 'gone', profiles: { base: BASE } },
      {},
      /no profile "gone" \(selected by "current"\)/,
    ],
    [
      'a cycle of source profiles',
      {
        profiles: {
          a: { 'role-trn': ROLE, 'source-profile': 'b' },
          b: { 'role-trn': ROLE, 'source-profile': 'a' },
        },
      },
      { VOLC_PROFILE: 'a' },
      /config\.json: profiles\.b\.source-profile makes a cycle: a → b → a/,
    ],
    [
      'a source profile that does not exist',
      { profiles: { a: { 'role-trn': ROLE, 'source-profile': 'nope' } } },
      { VOLC_PROFILE: 'a' },
      /profiles\.a\.source-profile names "nope", which is not a profile/,
    ],
    [
      'a profile without keys',
      { profiles: { default: { mode: 'ak', 'access-key': 'AK' } } },
      {},
      /config\.json: profiles\.default: "secret-key" must be set/,
    ],
    [
      'a role profile without a role',
      { profiles: { default: { ...BASE, mode: 'RamRoleArn' } } },
      {},
      /profiles\.default: mode RamRoleArn needs "role-trn"/,
    ],
    [
      'an unsupported mode',
      { profiles: { default: { mode: 'SSO' } } },
      {},
      /profiles\.default: mode "SSO" is not supported here/,
    ],
    ['profiles that are not an object', { profiles: [] }, {}, /config\.json: "profiles" must be an object/],
    [
      'a profile that is not an object',
      { profiles: { default: 'AK' } },
      {},
      /config\.json: profiles\.default must be an object/,
    ],
    [
      'a session profile without its token',
      { profiles: { default: { ...BASE, mode: 'StsToken' } } },
      {},
      /mode ststoken needs "session-token"/,
    ],
  ])('refuses %s with a CredentialsError naming the file and the entry', async (_, config, env, message) => {
    write(config);
    const failure = await Promise.resolve(profile(env)()).catch((error: Error) => error);
    expect(failure).toMatchObject({ name: 'CredentialsError' });
    expect((failure as Error).message).toMatch(message);
    expect((failure as Error).message).toContain(file);
  });

  it('names the line and column of malformed JSON, never its content', async () => {
    write(`{\n  "profiles": {\n    "default": { "secret-key": "s3cr3t" ,, }\n  }\n}`);
    const failure = await Promise.resolve(profile()()).catch((error: Error) => error);
    expect((failure as Error).message).toBe(`${file}:3:42: not valid JSON`);
    expect((failure as Error).message).not.toContain('s3cr3t');
  });

  it('says which variable selected a profile when there is no file', async () => {
    rmSync(file, { force: true });
    await expect(profile({ VOLC_PROFILE: 'prod' })()).rejects.toThrow(
      `profile "prod" is selected by VOLC_PROFILE, but ${file} does not exist`,
    );
  });

  it('reads the file VOLCENGINE_CLI_CONFIG_FILE names, and keeps a session profile’s expiry', async () => {
    const elsewhere = join(home, 'cli.json');
    const expiry = Math.floor(h.now() / 1000) + 600;
    writeFileSync(
      elsewhere,
      JSON.stringify({
        profiles: { default: { ...BASE, mode: 'StsToken', 'session-token': 't', 'sts-expiration': expiry } },
      }),
    );
    const keys = await profile({ VOLCENGINE_CLI_CONFIG_FILE: elsewhere })();
    expect(keys?.expiration?.getTime()).toBe(expiry * 1000);
  });
});
