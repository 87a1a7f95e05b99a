// The verdict (changeset override, "no changeset" report), changeset parsing, integrity checks, optic's
// report, and the command end to end in a scratch repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  parseOpticReport,
  runOptic,
} from '../src/index.ts';
import { push, remove, set } from './mutate.ts';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const base = JSON.parse(readFileSync(fixture('base.openapi.json'), 'utf8')) as JsonObject;
const GROUP = ['@volc-openapi/vms', '@volc-openapi/vms-spec', '@volc-openapi/vms-docs'];
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
    const text = formatVerdict(verdict);
    expect(text).toContain(
      'OpenDeleteResource 2022-01-01  [action-removed] Action OpenDeleteResource removed',
    );
    expect(text).toContain('pnpm changeset');
    expect(text).toContain('spec:check FAILED');
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
    expect(formatVerdict(verdict)).toContain('1 compatible change(s) and no pending changeset');
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

  it('adds optic breaks only for operations its own rules found unbroken', () => {
    const report = parseOpticReport(readFileSync(fixture('optic-report.txt'), 'utf8'));
    const verdict = decide({
      findings: classify(base, breakingHead),
      changesets: [],
      group: GROUP,
      optic: report,
    });
    expect(verdict.opticOnly.map((f) => `${f.action} ${f.rule}`)).toEqual([
      'QueryOpenGetResource prevent changing request property to required',
    ]);
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

describe('optic', () => {
  it('reads its report per operation, path keys read as Action and Version', () => {
    const report = parseOpticReport(readFileSync(fixture('optic-report.txt'), 'utf8'));
    expect(report[0]).toEqual({
      action: 'OpenDeleteResource',
      version: '2022-01-01',
      method: 'POST',
      rule: 'prevent operation removal',
      message: 'cannot remove an operation. This is a breaking change.',
      at: '../base.json:37:2219',
    });
    expect(report).toHaveLength(3);
  });

  it('runs offline on two bundles and reports a break', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-gate-optic-'));
    const head = mutated((d) =>
      push(d, ['components', 'schemas', 'QueryOpenGetResourceRequest', 'required'], 'Keyword'),
    );
    writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
    writeFileSync(join(dir, 'head.json'), JSON.stringify(head));
    const findings = await runOptic(join(dir, 'base.json'), join(dir, 'head.json'), dir);
    expect(findings.map((f) => `${f.action} ${f.version}`)).toContain('QueryOpenGetResource 2022-01-01');
  });
});

describe('volc-spec-gate check', () => {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

  function scratchRepo(): string {
    const root = mkdtempSync(join(tmpdir(), 'spec-gate-repo-'));
    mkdirSync(join(root, 'spec/vms'), { recursive: true });
    mkdirSync(join(root, '.changeset'));
    copyFileSync(fixture('base.openapi.json'), join(root, 'spec/vms/baseline.openapi.json'));
    copyFileSync(
      fileURLToPath(new URL('../../../.changeset/config.json', import.meta.url)),
      join(root, '.changeset/config.json'),
    );
    execFileSync('git', ['init', '-q'], { cwd: root });
    return root;
  }
  const check = (root: string, head: JsonObject) => {
    writeFileSync(join(root, 'head.json'), JSON.stringify(head));
    return spawnSync(process.execPath, [cli, 'check', '--root', root, '--head', 'head.json', '--no-optic'], {
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
    const run = spawnSync(process.execPath, [cli, 'baseline', '--root', repo, '--baseline', out], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(bundleProblems(text)).toEqual([]);
    expect(text.startsWith('{\n  "openapi"')).toBe(true);
  });
});
