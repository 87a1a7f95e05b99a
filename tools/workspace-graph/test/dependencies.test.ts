// README's dependency table names every third-party package a workspace manifest depends on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@volc-openapi/spec-model';
import { expect, it } from 'vitest';
import { readWorkspace } from '../src/index.ts';

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

it('lists every third-party dependency of the workspace in README’s dependency table', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Dependencies'));
  const listed = new Set([...table.matchAll(/`(@?[\w./-]+)`/g)].map((match) => match[1]));
  const manifests = [
    join(REPO_ROOT, 'package.json'),
    ...[...readWorkspace().values()].map((pkg) => join(pkg.dir, 'package.json')),
  ];
  const used = new Set<string>();
  for (const file of manifests) {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    for (const group of [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies])
      for (const name of Object.keys(group ?? {})) if (!name.startsWith('@volc-openapi/')) used.add(name);
  }
  expect([...used].filter((name) => !listed.has(name)).sort()).toEqual([]);
});
