// Pending changesets (`.changeset/*.md`) and the `fixed` group a spec package belongs to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '@volc-openapi/spec-model';
import { parse } from 'yaml';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface Changeset {
  file: string;
  bumps: Record<string, Bump>;
}

const BUMPS = new Set(['major', 'minor', 'patch', 'none']);

/** The package → bump map of a changeset's front matter; throws on a malformed one. */
export function parseChangeset(text: string, file: string): Changeset {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/.exec(text.trimStart());
  if (!match) throw new Error(`${file}: no front matter (--- ... ---)`);
  const front = (match[1] ?? '').trim() === '' ? {} : (parse(match[1] ?? '') as unknown);
  if (!isObject(front)) throw new Error(`${file}: the front matter is not a package: bump map`);
  const bumps: Record<string, Bump> = {};
  for (const [name, bump] of Object.entries(front)) {
    if (typeof bump !== 'string' || !BUMPS.has(bump))
      throw new Error(`${file}: "${name}" has no valid bump (${String(bump)})`);
    bumps[name] = bump as Bump;
  }
  return { file, bumps };
}

/** Every pending changeset of a `.changeset` folder (its README is not one). */
export function readChangesets(directory: string): Changeset[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => parseChangeset(readFileSync(join(directory, name), 'utf8'), join(directory, name)));
}

/** The packages versioned together with `name` (its `fixed` group), or just `name`. */
export function fixedGroup(configPath: string, name: string): string[] {
  if (!existsSync(configPath)) return [name];
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { fixed?: unknown };
  const groups = Array.isArray(config.fixed) ? config.fixed : [];
  for (const group of groups) if (Array.isArray(group) && group.includes(name)) return group.map(String);
  return [name];
}

/**
 * The packages whose major bump declares a breaking change of one service's spec: its client package
 * (`@volc-openapi/<name>`), its spec package (`@volc-openapi/<name>-spec`) and whatever the changesets
 * config versions together with either (their `fixed` groups). Another service's packages are not in it.
 */
export function serviceGroup(
  configPath: string,
  service: { specPackage: string; clientPackage: string },
): string[] {
  return [
    ...new Set([
      ...fixedGroup(configPath, service.clientPackage),
      ...fixedGroup(configPath, service.specPackage),
    ]),
  ];
}

/** The changesets that bump any package of `group` at least by `level`. */
export function declaring(changesets: Changeset[], group: string[], level: 'major' | 'any'): Changeset[] {
  return changesets.filter((changeset) =>
    group.some((name) => {
      const bump = changeset.bumps[name];
      return level === 'major' ? bump === 'major' : bump !== undefined && bump !== 'none';
    }),
  );
}
