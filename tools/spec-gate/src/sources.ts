// Maps a pointer in a bundle of the working spec back to the source file and line it came from: a path
// key to the file its `$ref` names in the root document, a component to the file redocly named it after,
// then down that file (and the files its `$ref`s name) to the deepest node that still exists. A pointer
// of the baseline maps the same way, to where the working spec no longer has what was released.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isObject, segments } from '@volc-openapi/spec-model';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Finding } from './findings.ts';

export interface SourceMap {
  /** `file:line` of a bundle pointer (relative to the working folder), or undefined when unknown. */
  source(bundlePointer: string): string | undefined;
}

/** Every YAML file under `directory`, by `<kind>/<name>` (`schemas/Foo` for `schemas/sub/Foo.yaml`). */
function componentFiles(directory: string, out: Map<string, string>, kind?: string): void {
  if (!existsSync(directory)) return;
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) componentFiles(path, out, kind ?? name);
    else if (kind && /\.ya?ml$/.test(name)) {
      const key = `${kind}/${name.replace(/\.ya?ml$/, '')}`;
      if (!out.has(key)) out.set(key, path);
    }
  }
}

interface ParsedFile {
  contents: Node | null;
  lines: LineCounter;
}

/** Line lookups in YAML files, each file parsed once. */
class YamlLines {
  private readonly files = new Map<string, ParsedFile>();

  private parsed(file: string): ParsedFile | undefined {
    if (!this.files.has(file)) {
      if (!existsSync(file)) return undefined;
      const lines = new LineCounter();
      const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
      this.files.set(file, { contents: document.contents, lines });
    }
    return this.files.get(file);
  }

  /** The file and 1-based line of the deepest node of `path` in `file`, following `$ref`s to other files. */
  locate(file: string, path: string[], depth = 0): { file: string; line: number } {
    const parsed = this.parsed(file);
    if (!parsed) return { file, line: 1 };
    let node = parsed.contents;
    let line = 1;
    const at = (target: Node | null) => {
      const offset = target?.range?.[0];
      if (offset !== undefined) line = parsed.lines.linePos(offset).line;
    };
    at(node);
    for (const [index, key] of path.entries()) {
      if (isMap(node)) {
        const ref = node.get('$ref');
        if (typeof ref === 'string' && !ref.startsWith('#') && depth < 8) {
          const [target = '', fragment = ''] = ref.split('#');
          return this.locate(
            join(dirname(file), target),
            [...segments(fragment), ...path.slice(index)],
            depth + 1,
          );
        }
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        if (!pair) break;
        at(pair.key as Node);
        node = pair.value as Node | null;
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as Node | undefined;
        if (item === undefined) break;
        at(item);
        node = item;
      } else break;
    }
    return { file, line };
  }
}

/** A source map for the root file of a spec (`openapi.yaml`), paths shown relative to `cwd`. */
export function sourceMap(rootFile: string, cwd: string): SourceMap {
  const root = parseDocument(readFileSync(rootFile, 'utf8')).toJS() as unknown;
  const base = dirname(rootFile);
  const paths = isObject(root) && isObject(root.paths) ? root.paths : {};
  // Redocly names a bundled component after its file: the service's own first, then the platform's.
  const components = new Map<string, string>();
  componentFiles(join(base, 'components'), components);
  componentFiles(join(base, '..', 'platform', 'components'), components);
  const lines = new YamlLines();
  const show = (file: string, rest: string[]) => {
    const found = lines.locate(file, rest);
    return `${relative(cwd, found.file)}:${found.line}`;
  };
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
        const file = components.get(`${parts[1]}/${parts[2]}`);
        if (file) return show(file, parts.slice(3));
      }
      return show(rootFile, parts);
    },
  };
}

/** Fills in `source` for every finding: what the working spec has there, or where it no longer has it. */
export function locateSources(findings: Finding[], map: SourceMap): Finding[] {
  return findings.map((finding) => {
    const source = map.source(finding.pointer);
    return source ? { ...finding, source } : finding;
  });
}
