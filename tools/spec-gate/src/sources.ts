// Maps a pointer in the bundled working spec back to the source file it came from: a path key to the
// file its `$ref` names in the root document, a component to the file redocly named it after.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isObject, pointer, segments } from '@volc-openapi/spec-model';
import { parse } from 'yaml';
import type { Finding } from './findings.ts';

export interface SourceMap {
  /** The file and in-file pointer of a bundle pointer, or undefined when unknown. */
  source(bundlePointer: string): string | undefined;
}

function yamlFiles(directory: string, out: Map<string, string>): void {
  if (!existsSync(directory)) return;
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(name) && !out.has(name.replace(/\.ya?ml$/, '')))
      out.set(name.replace(/\.ya?ml$/, ''), path);
  }
}

/** A source map for the root file of a spec (`openapi.yaml`), paths shown relative to `cwd`. */
export function sourceMap(rootFile: string, cwd: string): SourceMap {
  const root = parse(readFileSync(rootFile, 'utf8')) as unknown;
  const base = dirname(rootFile);
  const paths = isObject(root) && isObject(root.paths) ? root.paths : {};
  const components = new Map<string, string>();
  yamlFiles(join(base, 'components'), components);
  const show = (file: string, rest: string[]) => `${relative(cwd, file)}#${pointer(rest)}`;
  return {
    source(bundlePointer) {
      const parts = segments(bundlePointer);
      if (parts[0] === 'paths' && parts[1] !== undefined) {
        const item = paths[parts[1]];
        if (isObject(item) && typeof item.$ref === 'string')
          return show(join(base, item.$ref), parts.slice(2));
        return show(rootFile, parts);
      }
      if (parts[0] === 'components' && parts[2] !== undefined) {
        const file = components.get(parts[2]);
        if (file) return show(file, parts.slice(3));
      }
      return show(rootFile, parts);
    },
  };
}

/** Fills in `source` for the findings located in the working spec. */
export function locateSources(findings: Finding[], map: SourceMap): Finding[] {
  return findings.map((finding) => {
    if (finding.side !== 'head') return finding;
    const source = map.source(finding.pointer);
    return source ? { ...finding, source } : finding;
  });
}
