// The workspace's one type check (root tsconfig.json, TypeScript 7) stands in for a `tsc` per package:
// it has to cover every file each package's own tsconfig.json names, with the same options, and run
// after every package it reads is built and generated.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT, readRegistry } from '@volc-openapi/spec-model';
import { readWorkspace } from '@volc-openapi/workspace-graph';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = join(REPO_ROOT, 'tools/workspace-checks');
// TypeScript 7 exports no `bin/tsc` subpath: find the script beside its package.json.
const tsc = join(
  dirname(createRequire(join(PACKAGE_DIR, 'package.json')).resolve('typescript/package.json')),
  'bin/tsc',
);

interface ShownConfig {
  compilerOptions: Record<string, unknown>;
  files: string[];
}

/** What `tsc --showConfig` resolves a project to: its options and root files (absolute). */
function showConfig(project: string): ShownConfig {
  const shown = JSON.parse(
    execFileSync(process.execPath, [tsc, '-p', project, '--showConfig'], { encoding: 'utf8' }),
  ) as ShownConfig;
  const dir = resolve(project, '..');
  return { ...shown, files: (shown.files ?? []).map((file) => resolve(dir, file)) };
}

const workspace = [...readWorkspace().values()];
const projects = workspace.map((pkg) => join(pkg.dir, 'tsconfig.json')).filter((file) => existsSync(file));
const root = showConfig(join(REPO_ROOT, 'tsconfig.json'));
const checked = new Set(root.files);

it('runs TypeScript 7 (the native compiler), not the generator’s TypeScript 5', () => {
  const version = execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' });
  expect(version).toMatch(/Version 7\./);
});

describe.each(projects.map((project) => [relative(REPO_ROOT, project), project]))('%s', (_, project) => {
  const own = showConfig(project);

  it('has every file in the one program', () => {
    expect(own.files.length).toBeGreaterThan(0);
    expect(own.files.filter((file) => !checked.has(file)).map((file) => relative(REPO_ROOT, file))).toEqual(
      [],
    );
  });

  it('is checked with the same options (strictness included)', () => {
    expect(root.compilerOptions).toEqual(own.compilerOptions);
  });
});

it('covers the docs samples, generated for every service', () => {
  const samples = root.files.filter((file) =>
    /packages\/docs\/generated\/[^/]+\/samples\/[^/]+\.ts$/.test(file),
  );
  const services = new Set(
    samples.map((file) => relative(join(REPO_ROOT, 'packages/docs/generated'), file).split('/')[0]),
  );
  expect([...services].sort()).toEqual(
    readRegistry(REPO_ROOT)
      .map((service) => service.name)
      .sort(),
  );
});

// The docs package is the exception: its Redoc pages are read by no type, so the check waits for its
// generated samples only (a task dependency by name), not for its slow page build; so is the dev
// server, which needs those pages to serve them but imports only the docs' sources.
const DOCS = '@volc-openapi/docs';
const NEEDS_DOCS_PAGES = ['@volc-openapi/dev-server'];

it('depends on every package with TypeScript of its own, so turbo builds and generates each before the check', () => {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    name: string;
    devDependencies: Record<string, string>;
  };
  const others = workspace
    .filter((pkg) => existsSync(join(pkg.dir, 'tsconfig.json')))
    .map((pkg) => pkg.name)
    .filter((name) => name !== manifest.name && name !== DOCS && !NEEDS_DOCS_PAGES.includes(name));
  expect(
    workspace.filter((pkg) => pkg.dev.includes(DOCS) || pkg.runtime.includes(DOCS)).map((pkg) => pkg.name),
  ).toEqual(NEEDS_DOCS_PAGES);
  expect(others.filter((name) => !manifest.devDependencies[name]).sort()).toEqual([]);
  const turbo = JSON.parse(readFileSync(join(PACKAGE_DIR, 'turbo.json'), 'utf8')) as {
    tasks: { typecheck: { dependsOn: string[] } };
  };
  expect(turbo.tasks.typecheck.dependsOn).toEqual(
    expect.arrayContaining(['^build', '^generate', `${DOCS}#generate`]),
  );
});
