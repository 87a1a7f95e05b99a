// Checks that keep stale artifacts out: the committed baseline is a valid RPC bundle, and git tracks
// no generated file (generated/ and dist/ folders are rebuilt from the spec, never committed).
import { execFileSync } from 'node:child_process';
import { isObject, type JsonObject, PATH_KEY } from '@volc-openapi/spec-model';
import { brokenRefs } from './document.ts';

/** Problems that make a document unusable as a baseline bundle; empty when it is fine. */
export function bundleProblems(text: string): string[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return [`it is not JSON (${(error as Error).message})`];
  }
  if (!isObject(document)) return ['it is not a JSON object'];
  const problems: string[] = [];
  if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.'))
    problems.push('it has no "openapi: 3.x" field');
  const paths = isObject(document.paths) ? document.paths : undefined;
  if (!paths || Object.keys(paths).length === 0) problems.push('it has no paths');
  for (const key of Object.keys(paths ?? {}))
    if (!PATH_KEY.test(key)) problems.push(`path key ${key} is not /?Action=<Name>&Version=<YYYY-MM-DD>`);
  const broken = brokenRefs(document as JsonObject);
  if (broken.length > 0)
    problems.push(`it is not a bundle: unresolved references ${[...new Set(broken)].slice(0, 5).join(', ')}`);
  return problems;
}

/** Tracked files under a generated/ or dist/ folder, from `git ls-files` run in `cwd`. */
export function trackedGenerated(cwd: string): string[] {
  const listing = execFileSync('git', ['ls-files', '-z'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return generatedPaths(listing.split('\0').filter(Boolean));
}

export function generatedPaths(files: string[]): string[] {
  return files.filter((file) => /(^|\/)(generated|dist)\//.test(file));
}
