// The layering check on the real workspace (what CI gates), and on small workspaces written for each
// rule, so each rule is seen failing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceEntry } from '@volc-openapi/spec-model';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycle, layeringProblems, readWorkspace, runtimeClosure } from '../src/index.ts';

const SERVICES = [serviceEntry('vms', 'VMS', '语音服务')];
let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

interface Fixture {
  dependencies?: string[];
  devDependencies?: string[];
  source?: string;
}

/** A workspace of packages under `packages/`, each with a manifest and optionally `src/index.ts`. */
function workspace(packages: Record<string, Fixture>) {
  const root = mkdtempSync(join(tmpdir(), 'workspace-'));
  roots.push(root);
  for (const [name, fixture] of Object.entries(packages)) {
    const dir = join(root, 'packages', name.split('/')[1] as string);
    mkdirSync(join(dir, 'src'), { recursive: true });
    const range = (names: string[] = []) => Object.fromEntries(names.map((dep) => [dep, 'workspace:^']));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name,
        dependencies: range(fixture.dependencies),
        devDependencies: range(fixture.devDependencies),
      }),
    );
    if (fixture.source) writeFileSync(join(dir, 'src', 'index.ts'), fixture.source);
  }
  return readWorkspace(root);
}

const LAYERED: Record<string, Fixture> = {
  '@volc-openapi/signer': {},
  '@volc-openapi/runtime': {
    dependencies: ['@volc-openapi/signer'],
    source: "import { sign } from '@volc-openapi/signer';",
  },
  '@volc-openapi/vms': { dependencies: ['@volc-openapi/runtime'] },
  '@volc-openapi/credentials': { dependencies: ['@volc-openapi/runtime', '@volc-openapi/vms'] },
};

describe('layering of the workspace', () => {
  it('holds for this repository: no cycle, and the runtime and signer reach no client or credentials', () => {
    const real = readWorkspace();
    expect(real.get('@volc-openapi/credentials')?.runtime).toContain('@volc-openapi/sts');
    expect(layeringProblems(real)).toEqual([]);
  });

  it('accepts a workspace layered signer → runtime → client → credentials', () => {
    expect(layeringProblems(workspace(LAYERED), SERVICES)).toEqual([]);
  });

  it('names a cycle among run-time dependencies', () => {
    const cyclic = workspace({
      ...LAYERED,
      '@volc-openapi/vms': { dependencies: ['@volc-openapi/runtime', '@volc-openapi/credentials'] },
    });
    expect(layeringProblems(cyclic, SERVICES)).toContain(
      'dependency cycle: @volc-openapi/credentials → @volc-openapi/vms → @volc-openapi/credentials',
    );
  });

  it('names a cycle that only devDependencies close', () => {
    const cyclic = workspace({
      ...LAYERED,
      '@volc-openapi/signer': { devDependencies: ['@volc-openapi/runtime'] },
    });
    expect(layeringProblems(cyclic, SERVICES)).toEqual([
      'dependency cycle through devDependencies: @volc-openapi/runtime → @volc-openapi/signer → @volc-openapi/runtime',
      '@volc-openapi/signer must not depend on @volc-openapi/runtime',
    ]);
  });

  it('refuses a runtime that declares or imports the credentials package or a client', () => {
    const declared = workspace({
      ...LAYERED,
      '@volc-openapi/runtime': {
        dependencies: ['@volc-openapi/signer'],
        devDependencies: ['@volc-openapi/vms'],
      },
    });
    expect(layeringProblems(declared, SERVICES)).toContain(
      '@volc-openapi/runtime must not depend on @volc-openapi/vms',
    );
    const imported = workspace({
      ...LAYERED,
      '@volc-openapi/runtime': {
        dependencies: ['@volc-openapi/signer'],
        source: "const lazy = () => import('@volc-openapi/credentials');",
      },
    });
    expect(layeringProblems(imported, SERVICES)).toEqual([
      '@volc-openapi/runtime imports @volc-openapi/credentials (src/index.ts) without declaring it in package.json',
      '@volc-openapi/runtime must not import @volc-openapi/credentials (src/index.ts)',
    ]);
  });

  it('finds cycles and run-time closures on plain graphs', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeUndefined();
    expect(findCycle(new Map([['a', ['a']]]))).toEqual(['a', 'a']);
    expect(runtimeClosure(workspace(LAYERED), '@volc-openapi/credentials')).toEqual([
      '@volc-openapi/signer',
      '@volc-openapi/runtime',
      '@volc-openapi/vms',
      '@volc-openapi/credentials',
    ]);
  });
});
