// The published packages of the workspace (every package under packages/ that is not private) and the
// declaration files their `exports` give consumers: what the API reports and the gate cover.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '@volc-openapi/spec-model';

/** One declaration file of a package and every import specifier and condition that resolves to it. */
export interface ApiEntry {
  /** `dist/node.d.ts`, relative to the package folder. */
  file: string;
  /** `node`: the file's name without `.d.ts`, unique in the package. */
  name: string;
  /** How consumers reach it, e.g. `@volc-openapi/runtime (node)`, `@volc-openapi/runtime/node`. */
  reachedAs: string[];
}

export interface PublishedPackage {
  name: string;
  /** Absolute folder. */
  dir: string;
  /** Folder relative to the repository root, e.g. `packages/runtime`. */
  path: string;
  entries: ApiEntry[];
}

/** The `.d.ts` files of one export target, with the conditions that lead to each (CJS twins left out). */
function declarations(target: unknown, conditions: string[], out: Map<string, string[][]>): void {
  if (!isObject(target)) return;
  for (const [condition, value] of Object.entries(target)) {
    if (condition === 'types' && typeof value === 'string') {
      // The `.d.cts` files mirror the `.d.ts` ones; one reading of each entry is enough.
      if (!value.endsWith('.d.ts')) continue;
      const file = value.replace(/^\.\//, '');
      out.set(file, [...(out.get(file) ?? []), conditions]);
    } else declarations(value, [...conditions, condition], out);
  }
}

/** The entries of a manifest's `exports`, one per declaration file. */
export function entriesOf(name: string, exportsField: unknown): ApiEntry[] {
  const files = new Map<string, string[]>();
  if (!isObject(exportsField)) return [];
  for (const [subpath, target] of Object.entries(exportsField)) {
    if (subpath === './package.json') continue;
    const found = new Map<string, string[][]>();
    declarations(target, [], found);
    const specifier = subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`;
    for (const [file, paths] of found) {
      // `import` and `default` pick no environment: a path through only those is the default one.
      const chosen = [
        ...new Set(
          paths.map(
            (conditions) => conditions.filter((c) => c !== 'import' && c !== 'default')[0] ?? 'default',
          ),
        ),
      ];
      const label = chosen.length > 0 && found.size > 1 ? `${specifier} (${chosen.join(', ')})` : specifier;
      files.set(file, [...(files.get(file) ?? []), label]);
    }
  }
  return [...files]
    .map(([file, reachedAs]) => ({
      file,
      name: file.replace(/^.*\//, '').replace(/\.d\.ts$/, ''),
      reachedAs,
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Every package under `<root>/packages` that is published (not `private`), sorted by name. */
export function publishedPackages(root: string): PublishedPackage[] {
  const group = join(root, 'packages');
  if (!existsSync(group)) return [];
  const found: PublishedPackage[] = [];
  for (const folder of readdirSync(group).sort()) {
    const file = join(group, folder, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      name: string;
      private?: boolean;
      exports?: unknown;
    };
    if (manifest.private) continue;
    found.push({
      name: manifest.name,
      dir: join(group, folder),
      path: `packages/${folder}`,
      entries: entriesOf(manifest.name, manifest.exports),
    });
  }
  return found;
}
