// The workspace's packages as their manifests and sources declare them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '@volc-openapi/spec-model';
import ts from 'typescript';

/** The folders pnpm-workspace.yaml names (`spec/*`, `packages/*`, `tools/*`). */
export const WORKSPACE_GROUPS = ['spec', 'packages', 'tools'] as const;

export interface WorkspacePackage {
  name: string;
  /** Absolute folder. */
  dir: string;
  /** Workspace packages it needs at run time: `dependencies`, `peerDependencies`, `optionalDependencies`. */
  runtime: string[];
  /** Workspace packages it needs only to build and test. */
  dev: string[];
}

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Every workspace package under `root`, with the workspace packages it depends on. */
export function readWorkspace(root: string = REPO_ROOT): Map<string, WorkspacePackage> {
  const manifests: { dir: string; manifest: Manifest }[] = [];
  for (const group of WORKSPACE_GROUPS) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir)) {
      const file = join(groupDir, entry, 'package.json');
      if (existsSync(file))
        manifests.push({
          dir: join(groupDir, entry),
          manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest,
        });
    }
  }
  const names = new Set(manifests.map(({ manifest }) => manifest.name));
  const local = (deps: Record<string, string> | undefined) =>
    Object.keys(deps ?? {}).filter((name) => names.has(name));
  return new Map(
    manifests.map(({ dir, manifest }) => [
      manifest.name,
      {
        name: manifest.name,
        dir,
        runtime: [
          ...new Set([
            ...local(manifest.dependencies),
            ...local(manifest.peerDependencies),
            ...local(manifest.optionalDependencies),
          ]),
        ],
        dev: local(manifest.devDependencies),
      },
    ]),
  );
}

/** A package and, before it, every workspace package it needs at run time (dependencies first). */
export function runtimeClosure(
  workspace: Map<string, WorkspacePackage>,
  name: string,
  into: string[] = [],
): string[] {
  const found = workspace.get(name);
  if (!found || into.includes(name)) return into;
  for (const dependency of found.runtime) runtimeClosure(workspace, dependency, into);
  into.push(name);
  return into;
}

/** Workspace packages the TypeScript sources under `src/` import, with the first file that does. */
export function sourceImports(pkg: WorkspacePackage): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.[cm]?tsx?$/.test(entry.name))
        // TypeScript's own pre-parser: imports, dynamic imports and requires, not code inside strings.
        for (const { fileName } of ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles) {
          const name = /^@volc-openapi\/[\w.-]+/.exec(fileName)?.[0];
          if (name && name !== pkg.name && !found.has(name)) found.set(name, relative(pkg.dir, path));
        }
    }
  };
  if (existsSync(join(pkg.dir, 'src'))) walk(join(pkg.dir, 'src'));
  return found;
}
