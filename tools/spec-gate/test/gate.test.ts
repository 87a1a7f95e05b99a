// The verdict (changeset override, "no changeset" report), changeset parsing, integrity checks, and the
// command end to end in a scratch repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceEntry } from '@volc-openapi/spec-model';
import { describe, expect, it } from 'vitest';
import {
  bundleProblems,
  type Changeset,
  classify,
  decide,
  fixedGroup,
  formatVerdict,
  generatedPaths,
  type JsonObject,
  parseChangeset,
  serviceGroup,
} from '../src/index.ts';
import { remove, set } from './mutate.ts';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const base = JSON.parse(readFileSync(fixture('base.openapi.json'), 'utf8')) as JsonObject;
const GROUP = ['@volc-openapi/vms', '@volc-openapi/vms-spec'];
const DELETE = '/?Action=OpenDeleteResource&Version=2022-01-01';

function mutated(change: (doc: JsonObject) => void): JsonObject {
  const head = structuredClone(base);
  change(head);
  return head;
}
const breakingHead = mutated((d) => remove(d, ['paths', DELETE]));
const compatibleHead = mutated((d) =>
  set(d, ['paths', DELETE, 'post', 'summary'], 'Remove a voice resource'),
);
const changeset = (bumps: Changeset['bumps']): Changeset => ({ file: '.changeset/x.md', bumps });

describe('the verdict', () => {
  it('stops a breaking change without a changeset, naming what to do', () => {
    const verdict = decide({ findings: classify(base, breakingHead), changesets: [], group: GROUP });
    expect(verdict.ok).toBe(false);
    const text = formatVerdict(verdict, '@volc-openapi/vms');
    expect(text).toContain(
      'OpenDeleteResource 2022-01-01  [action-removed] Action OpenDeleteResource removed',
    );
    expect(text).toContain('pnpm changeset');
    expect(text).toContain('@volc-openapi/vms: breaking: add a major changeset for @volc-openapi/vms');
  });

  it('lets a breaking change through when a pending changeset declares a major bump of the group', () => {
    for (const name of GROUP) {
      const verdict = decide({
        findings: classify(base, breakingHead),
        changesets: [changeset({ [name]: 'major' })],
        group: GROUP,
      });
      expect(verdict.ok, name).toBe(true);
      expect(verdict.notes.join('\n')).toContain('declared by a major bump in .changeset/x.md');
      expect(verdict.status).toBe('breaking (major changeset present)');
    }
  });

  it('does not count a minor bump, or a major bump of another package, as declaring a break', () => {
    const others: Changeset['bumps'][] = [
      { '@volc-openapi/vms': 'minor' },
      { '@volc-openapi/signer': 'major' },
    ];
    for (const bumps of others) {
      const verdict = decide({
        findings: classify(base, breakingHead),
        changesets: [changeset(bumps)],
        group: GROUP,
      });
      expect(verdict.ok).toBe(false);
    }
  });

  it('allows a compatible change without any changeset and reports it', () => {
    const verdict = decide({ findings: classify(base, compatibleHead), changesets: [], group: GROUP });
    expect(verdict.ok).toBe(true);
    expect(verdict.compatible.map((f) => f.rule)).toEqual(['documentation']);
    const text = formatVerdict(verdict, '@volc-openapi/vms');
    expect(text).toContain('Compatible changes (1): documentation ×1');
    expect(text).not.toContain('Remove a voice resource');
    expect(formatVerdict(verdict, '@volc-openapi/vms', true)).toContain('[documentation] summary changed');
    expect(text).toContain('1 compatible change(s) and no pending changeset');
    expect(text).toContain('@volc-openapi/vms: compatible');
  });

  it('fails on integrity problems whatever the changes', () => {
    const verdict = decide({
      findings: [],
      changesets: [],
      group: GROUP,
      integrity: ['git tracks generated files'],
    });
    expect(verdict.ok).toBe(false);
  });
});

describe('changesets', () => {
  it('reads the bumps of a changeset front matter', () => {
    const text =
      '---\n\'@volc-openapi/vms-spec\': major\n"@volc-openapi/signer": patch\n---\n\nRemove OpenDeleteResource.\n';
    expect(parseChangeset(text, 'a.md').bumps).toEqual({
      '@volc-openapi/vms-spec': 'major',
      '@volc-openapi/signer': 'patch',
    });
    expect(parseChangeset('---\n---\n\nEmpty.\n', 'b.md').bumps).toEqual({});
    expect(() => parseChangeset('no front matter', 'c.md')).toThrow('c.md: no front matter');
    expect(() => parseChangeset("---\n'@x/y': huge\n---\n", 'd.md')).toThrow(
      'd.md: "@x/y" has no valid bump',
    );
  });

  it('finds the fixed group of the spec package in the repository config', () => {
    const config = fileURLToPath(new URL('../../../.changeset/config.json', import.meta.url));
    expect(fixedGroup(config, '@volc-openapi/vms-spec').sort()).toEqual([...GROUP].sort());
    expect(fixedGroup(config, '@volc-openapi/signer')).toEqual(['@volc-openapi/signer']);
  });

  it("groups a service's client and spec packages (and their fixed groups), never another service's", () => {
    const config = fileURLToPath(new URL('../../../.changeset/config.json', import.meta.url));
    expect(serviceGroup(config, serviceEntry('vms', 'VMS', '语音服务')).sort()).toEqual([...GROUP].sort());
    expect(serviceGroup(config, serviceEntry('sms', 'SMS', '短信服务')).sort()).toEqual([
      '@volc-openapi/sms',
      '@volc-openapi/sms-spec',
    ]);
  });
});

describe('integrity', () => {
  it('accepts a bundle and refuses what is not one', () => {
    expect(bundleProblems(readFileSync(fixture('base.openapi.json'), 'utf8'))).toEqual([]);
    expect(bundleProblems('{')).toEqual([expect.stringContaining('not JSON')]);
    const unbundled = mutated((d) => {
      set(d, ['paths', DELETE], { $ref: 'paths/OpenDeleteResource.yaml' });
      set(d, ['paths', '/things'], {});
    });
    expect(bundleProblems(JSON.stringify(unbundled))).toEqual([
      'path key /things is not /?Action=<Name>&Version=<YYYY-MM-DD>',
      'it is not a bundle: unresolved references paths/OpenDeleteResource.yaml',
    ]);
  });

  it('spots generated files among tracked ones', () => {
    expect(
      generatedPaths([
        'README.md',
        'packages/vms/src/generated/facade.ts',
        'spec/vms/dist/openapi.json',
        'src/distance.ts',
      ]),
    ).toEqual(['packages/vms/src/generated/facade.ts', 'spec/vms/dist/openapi.json']);
  });
});

describe('volc-spec-gate check', () => {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

  /** A repository whose registry lists `services`; each gets the fixture as its baseline unless unreleased. */
  function scratchRepo(services: string[] = ['vms'], unreleased: string[] = []): string {
    const root = mkdtempSync(join(tmpdir(), 'spec-gate-repo-'));
    mkdirSync(join(root, '.changeset'));
    for (const name of services) {
      mkdirSync(join(root, 'spec', name, 'dist'), { recursive: true });
      if (!unreleased.includes(name))
        copyFileSync(fixture('base.openapi.json'), join(root, 'spec', name, 'baseline.openapi.json'));
    }
    writeFileSync(
      join(root, 'spec/services.yaml'),
      `services:\n${services.map((name) => `  - name: ${name}\n    title: Test ${name.toUpperCase()}\n    titleZh: 测试\n`).join('')}`,
    );
    copyFileSync(
      fileURLToPath(new URL('../../../.changeset/config.json', import.meta.url)),
      join(root, '.changeset/config.json'),
    );
    execFileSync('git', ['init', '-q'], { cwd: root });
    return root;
  }
  const check = (root: string, head: JsonObject) => {
    writeFileSync(join(root, 'head.json'), JSON.stringify(head));
    return spawnSync(process.execPath, [cli, 'check', '--root', root, '--head', 'head.json', '--no-api'], {
      encoding: 'utf8',
    });
  };

  it('fails on a break, passes once a changeset declares it major', () => {
    const root = scratchRepo();
    const failed = check(root, breakingHead);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('[action-removed]');
    writeFileSync(
      join(root, '.changeset/drop-delete.md'),
      "---\n'@volc-openapi/vms': major\n---\n\nDrop OpenDeleteResource.\n",
    );
    const passed = check(root, breakingHead);
    expect(passed.status).toBe(0);
    expect(passed.stdout).toContain('declared by a major bump');
  });

  it('fails when git tracks a generated file or the baseline is not a bundle', () => {
    const root = scratchRepo();
    mkdirSync(join(root, 'pkg/dist'), { recursive: true });
    writeFileSync(join(root, 'pkg/dist/index.js'), '');
    execFileSync('git', ['add', 'pkg/dist/index.js'], { cwd: root });
    const tracked = check(root, base);
    expect(tracked.status).toBe(1);
    expect(tracked.stdout).toContain('git tracks generated files');
    const other = scratchRepo();
    writeFileSync(join(other, 'spec/vms/baseline.openapi.json'), '{"openapi":"3.1.0","paths":{}}');
    const invalid = check(other, base);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain('is not a valid bundle: it has no paths');
  });

  it('writes a fresh baseline bundle from the sources (what version-packages runs)', () => {
    const repo = fileURLToPath(new URL('../../..', import.meta.url));
    const out = join(mkdtempSync(join(tmpdir(), 'spec-gate-baseline-')), 'baseline.json');
    const run = spawnSync(
      process.execPath,
      [cli, 'baseline', '--root', repo, '--service', 'vms', '--baseline', out],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(bundleProblems(text)).toEqual([]);
    expect(text.startsWith('{\n  "openapi"')).toBe(true);
  });

  const checkBundled = (root: string, heads: Record<string, JsonObject | string>) => {
    for (const [name, head] of Object.entries(heads))
      writeFileSync(
        join(root, 'spec', name, 'dist/openapi.json'),
        typeof head === 'string' ? head : JSON.stringify(head),
      );
    return spawnSync(process.execPath, [cli, 'check', '--root', root, '--bundled', '--no-api'], {
      encoding: 'utf8',
    });
  };
  /** The report section of one service: from its `spec:check <name>` header to the next one. */
  const section = (stdout: string, name: string) =>
    stdout.split(/\n\n(?=spec:check )/).find((part) => part.startsWith(`spec:check ${name} `)) ?? '';

  it('checks every service of the registry in one run, each against its own baseline, reported per service', () => {
    const root = scratchRepo(['vms', 'sms']);
    const run = checkBundled(root, { vms: breakingHead, sms: base });
    expect(run.status, run.stderr).toBe(1);
    const vms = section(run.stdout, 'vms');
    const sms = section(run.stdout, 'sms');
    expect(vms).toContain(
      'spec:check vms (Test VMS): spec/vms/baseline.openapi.json (baseline) → spec/vms/dist/openapi.json (working)',
    );
    expect(vms).toContain('[action-removed] Action OpenDeleteResource removed');
    expect(vms).toContain('@volc-openapi/vms: breaking: add a major changeset for @volc-openapi/vms');
    expect(sms).toContain(
      'spec:check sms (Test SMS): spec/sms/baseline.openapi.json (baseline) → spec/sms/dist/openapi.json (working)',
    );
    expect(sms).toContain('No difference from the release.');
    expect(sms).toContain('@volc-openapi/sms: compatible');
    expect(sms).not.toContain('action-removed');
    expect(run.stdout).toContain('spec:check FAILED: vms FAILED, sms passed');
  });

  it("lets a break through only with a major changeset of that service's own packages", () => {
    const root = scratchRepo(['vms', 'sms']);
    const changeset = (bumps: string) =>
      writeFileSync(join(root, '.changeset/break.md'), `---\n${bumps}\n---\n\nDrop OpenDeleteResource.\n`);
    changeset("'@volc-openapi/vms': major\n'@volc-openapi/vms-spec': major");
    const other = checkBundled(root, { vms: base, sms: breakingHead });
    expect(other.status, other.stderr).toBe(1);
    expect(section(other.stdout, 'sms')).toContain(
      'no pending changeset declares a major bump of @volc-openapi/sms, @volc-openapi/sms-spec.',
    );
    expect(other.stdout).toContain('spec:check FAILED: vms passed, sms FAILED');
    for (const own of ['@volc-openapi/sms', '@volc-openapi/sms-spec']) {
      changeset(`'${own}': major`);
      const passed = checkBundled(root, { vms: base, sms: breakingHead });
      expect(passed.status, own).toBe(0);
      expect(section(passed.stdout, 'sms')).toContain('declared by a major bump in');
      expect(passed.stdout).toContain('spec:check passed: vms passed, sms passed');
    }
    // The same changeset does not excuse a break of the other service.
    const vmsBreak = checkBundled(root, { vms: breakingHead, sms: base });
    expect(vmsBreak.status).toBe(1);
    expect(vmsBreak.stdout).toContain('spec:check FAILED: vms FAILED, sms passed');
  });

  it('reports a service without a baseline as not yet released, without failing', () => {
    const root = scratchRepo(['vms', 'sts'], ['sts']);
    const run = checkBundled(root, { vms: base, sts: base });
    expect(run.status, run.stdout).toBe(0);
    expect(section(run.stdout, 'sts')).toContain(
      'spec:check sts (Test STS): no baseline: 3 Actions not yet released',
    );
    expect(run.stdout).toContain('spec:check passed: vms passed, sts not yet released');
    // Still being written: a working spec that cannot be read yet does not fail a service never released.
    const unfinished = checkBundled(root, { vms: base, sts: '{"openapi":"3.1.0","paths":{}}' });
    expect(unfinished.status).toBe(0);
    expect(section(unfinished.stdout, 'sts')).toContain(
      'no baseline: not yet released; its working spec cannot be read yet',
    );
    // A released service whose bundle is missing does fail.
    rmSync(join(root, 'spec/vms/dist/openapi.json'));
    const missing = spawnSync(process.execPath, [cli, 'check', '--root', root, '--bundled', '--no-api'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('no bundle at spec/vms/dist/openapi.json');
  });

  it('takes --head and --baseline for one service only', () => {
    const root = scratchRepo(['vms', 'sms']);
    const run = check(root, base);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--head names one file: choose one service with --service');
  });
});

describe('volc-spec-gate check on spec sources', () => {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const repo = fileURLToPath(new URL('../../../', import.meta.url));

  /** A repository holding STS's real sources and release, bundled by redocly with a plain config. */
  function stsRepo(): string {
    const root = mkdtempSync(join(tmpdir(), 'spec-gate-sources-'));
    for (const dir of ['spec/sts/paths', 'spec/sts/components', 'spec/platform'])
      cpSync(join(repo, dir), join(root, dir), { recursive: true });
    for (const file of ['spec/sts/openapi.yaml', 'spec/sts/baseline.openapi.json'])
      copyFileSync(join(repo, file), join(root, file));
    mkdirSync(join(root, '.changeset'));
    copyFileSync(join(repo, '.changeset/config.json'), join(root, '.changeset/config.json'));
    writeFileSync(
      join(root, 'spec/services.yaml'),
      'services:\n  - name: sts\n    title: Test STS\n    titleZh: 测试\n',
    );
    writeFileSync(join(root, 'redocly.yaml'), 'apis:\n  sts:\n    root: spec/sts/openapi.yaml\n');
    execFileSync('git', ['init', '-q'], { cwd: root });
    return root;
  }
  const run = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, [cli, 'check', '--root', root, ...args], { encoding: 'utf8' });

  it('names the working file and line of a breaking edit, and the package to bump', () => {
    const root = stsRepo();
    const schema = join(root, 'spec/sts/components/schemas/AssumeRoleResult.yaml');
    writeFileSync(
      schema,
      readFileSync(schema, 'utf8').replace('  AssumedRoleUser:\n    $ref: AssumedRoleUser.yaml\n', ''),
    );
    const result = run(root);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('Released and gated: 4 Actions (4 operations) of the baseline');
    expect(result.stdout).toMatch(
      /AssumeRole 2018-01-01 {2}\[response-field-removed\][^\n]*\n {6}at spec\/sts\/components\/schemas\/AssumeRoleResult\.yaml:3\n/,
    );
    expect(result.stdout).toMatch(
      /\[api-result-narrowed\][^\n]*\n {6}at spec\/sts\/components\/schemas\/AssumeRoleResult\.yaml:3\n/,
    );
    expect(result.stdout).toContain(
      '@volc-openapi/sts: breaking: add a major changeset for @volc-openapi/sts',
    );
    writeFileSync(
      join(root, '.changeset/sts.md'),
      "---\n'@volc-openapi/sts': major\n---\n\nDrop AssumedRoleUser.\n",
    );
    const declared = run(root);
    expect(declared.status).toBe(0);
    expect(declared.stdout).toContain('@volc-openapi/sts: breaking (major changeset present)');
  });

  it('stops with one line naming file, line and column when the working spec does not bundle', () => {
    const root = stsRepo();
    const file = join(root, 'spec/sts/paths/GetCallerIdentity.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}foo: [unclosed\n`);
    const invalid = run(root, '--no-api');
    expect(invalid.status).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(
      /^volc-spec-gate: spec\/sts\/paths\/GetCallerIdentity\.yaml:\d+:\d+: Failed to parse[^\n]*\n$/,
    );
    writeFileSync(
      file,
      text.replace('$ref: ../../platform/components/schemas/ResponseMetadata.yaml', '$ref: Missing.yaml'),
    );
    const broken = run(root, '--no-api');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(
      /^volc-spec-gate: spec\/sts\/paths\/GetCallerIdentity\.yaml:\d+:\d+: Can't resolve \$ref[^\n]*\n$/,
    );
  });
});
