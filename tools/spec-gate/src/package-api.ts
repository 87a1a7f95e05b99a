// What consumers compile against a hand-written package (runtime, signer, credentials): its released
// declarations (`api-released/<entry>.d.ts`, kept at each release) against its built ones, export by
// export. Removed exports are read from the compiler's symbols; the rest is probed one line each, so a
// diagnostic maps back to the export and the rule it broke.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PublishedPackage, releasedEntries, releasedFile } from '@volc-openapi/api-report';
import ts from 'typescript';
import { compilerOptions, typecheck } from './typecheck.ts';

const SCRATCH_ROOT = fileURLToPath(new URL('../generated/', import.meta.url));

export type ExportRule = 'export-removed' | 'export-narrowed' | 'export-changed' | 'export-added';

export interface ExportFinding {
  severity: 'breaking' | 'compatible';
  rule: ExportRule;
  /** The entry as consumers import it, e.g. `@volc-openapi/signer/presign (node)`. */
  entry: string;
  name: string;
  /** `file:line` of the declaration: the built one, or the released one for a removed export. */
  source: string;
  message: string;
}

interface Probe {
  entry: string;
  name: string;
  rule: 'export-narrowed' | 'export-changed';
  what: string;
  source: string;
}

interface ExportInfo {
  symbol: ts.Symbol;
  /** Type parameters of the declared type, compared with `any` in their place. */
  typeParameters: number;
  source: string;
  /** The declaration and every declaration it refers to, printed: equal texts, equal types. */
  fingerprint: string;
}

const printer = ts.createPrinter({ removeComments: true });

/** The top-level statement that declares `symbol`, in declaration files only. */
function statementOf(symbol: ts.Symbol): ts.Statement | undefined {
  const declaration = symbol.declarations?.[0];
  if (!declaration || ts.isSourceFile(declaration) || !declaration.getSourceFile().isDeclarationFile)
    return undefined;
  let node: ts.Node = declaration;
  while (node.parent && !ts.isSourceFile(node.parent)) node = node.parent;
  return node.parent ? (node as ts.Statement) : undefined;
}

/**
 * The printed declarations an export depends on, its own first. Two releases compare equal here when
 * nothing a consumer sees changed; only the others are probed (and TypeScript, relating two copies of
 * the same generic signature, can report a difference that is not one).
 */
function fingerprint(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  const seen = new Set<ts.Statement>();
  const texts: string[] = [];
  const visit = (statement: ts.Statement) => {
    if (seen.has(statement)) return;
    seen.add(statement);
    const source = statement.getSourceFile();
    if (source.fileName.includes('/node_modules/')) return;
    texts.push(
      printer
        .printNode(ts.EmitHint.Unspecified, statement, source)
        .replace(/^(export )?(declare )?/, '')
        // The printer keeps each string literal's quotes as written: which ones a declaration emitter
        // chose is no change to the API.
        .replace(/'((?:[^'\\\n]|\\.)*)'/g, '"$1"'),
    );
    const walk = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        let target = checker.getSymbolAtLocation(node);
        if (target && target.flags & ts.SymbolFlags.Alias) target = checker.getAliasedSymbol(target);
        const next = target && statementOf(target);
        if (next) visit(next);
      }
      ts.forEachChild(node, walk);
    };
    ts.forEachChild(statement, walk);
  };
  const own = statementOf(symbol);
  if (own) visit(own);
  return [texts[0], ...texts.slice(1).sort()].join('\n');
}

function exportsOf(program: ts.Program, file: string, root: string): Map<string, ExportInfo> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const out = new Map<string, ExportInfo>();
  if (!moduleSymbol) return out;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    const parameters =
      declaration &&
      (ts.isInterfaceDeclaration(declaration) ||
        ts.isTypeAliasDeclaration(declaration) ||
        ts.isClassDeclaration(declaration))
        ? (declaration.typeParameters?.length ?? 0)
        : 0;
    const where = declaration
      ? `${relative(root, declaration.getSourceFile().fileName)}:${declaration.getSourceFile().getLineAndCharacterOfPosition(declaration.getStart()).line + 1}`
      : relative(root, file);
    out.set(exported.name, {
      symbol,
      typeParameters: parameters,
      source: where,
      fingerprint: fingerprint(checker, symbol),
    });
  }
  return out;
}

/** Probe lines of one export present on both sides. */
function probeLines(
  n: number,
  name: string,
  info: ExportInfo,
): { line: string; rule: Probe['rule']; what: string }[] {
  const lines: { line: string; rule: Probe['rule']; what: string }[] = [];
  const { flags } = info.symbol;
  if (flags & ts.SymbolFlags.Value) {
    lines.push({
      rule: 'export-narrowed',
      what: 'the new value no longer fits where the released one was used',
      line: `declare const v${n}: typeof New.${name}; export const V${n}: typeof Old.${name} = v${n};`,
    });
    if (flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))
      lines.push({
        rule: 'export-narrowed',
        what: 'its parameters accept less than released',
        line: `type F${n} = typeof Old.${name} extends (...args: infer A) => unknown ? A : never; declare const f${n}: F${n}; export const G${n}: typeof New.${name} extends (...args: infer A) => unknown ? A : never = f${n};`,
      });
    if (flags & ts.SymbolFlags.Class)
      lines.push({
        rule: 'export-narrowed',
        what: 'its constructor accepts less than released',
        line: `declare const k${n}: ConstructorParameters<typeof Old.${name}>; export const K${n}: ConstructorParameters<typeof New.${name}> = k${n};`,
      });
  }
  if (flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class)) {
    const args = info.typeParameters > 0 ? `<${Array(info.typeParameters).fill('any').join(', ')}>` : '';
    // An exported type is both built by consumers (options, providers) and read by them (results): a
    // change either way breaks some of them; an added optional member passes both ways.
    lines.push({
      rule: 'export-narrowed',
      what: 'values of the released type no longer fit it',
      line: `declare const t${n}: Old.${name}${args}; export const T${n}: New.${name}${args} = t${n};`,
    });
    lines.push({
      rule: 'export-changed',
      what: 'its values no longer fit the released type',
      line: `declare const u${n}: New.${name}${args}; export const U${n}: Old.${name}${args} = u${n};`,
    });
  }
  return lines;
}

/**
 * Every difference between a package's released and built declarations that consumers compile
 * against; empty before its first release (no `api-released/`).
 */
export function packageApiFindings(pkg: PublishedPackage, root: string): ExportFinding[] {
  const released = releasedEntries(pkg);
  const entries = pkg.entries.filter((entry) => released.includes(entry.name));
  const findings: ExportFinding[] = [];
  for (const name of released)
    if (!pkg.entries.some((entry) => entry.name === name))
      findings.push({
        severity: 'breaking',
        rule: 'export-removed',
        entry: name,
        name: '*',
        source: relative(root, releasedFile(pkg, name)),
        message: `the entry ${name} (${relative(root, releasedFile(pkg, name))}) is no longer in the package's exports`,
      });
  if (entries.length === 0) return findings;

  mkdirSync(SCRATCH_ROOT, { recursive: true });
  const scratch = mkdtempSync(join(SCRATCH_ROOT, `${pkg.name.replace(/^.*\//, '')}-`));
  try {
    const options = compilerOptions();
    options.types = ['node'];
    const pairs = entries.map((entry) => ({
      entry,
      label: entry.reachedAs.join(', '),
      old: releasedFile(pkg, entry.name),
      now: join(pkg.dir, entry.file),
    }));
    const program = ts.createProgram(
      pairs.flatMap((pair) => [pair.old, pair.now]),
      options,
    );
    const probes = new Map<string, Probe[]>();
    const files: string[] = [];
    for (const [index, pair] of pairs.entries()) {
      const before = exportsOf(program, pair.old, root);
      const after = exportsOf(program, pair.now, root);
      const specifier = (file: string) => file.replace(/\.d\.ts$/, '.js');
      const lines = [
        `import type * as Old from '${specifier(pair.old)}';`,
        `import type * as New from '${specifier(pair.now)}';`,
      ];
      const entryProbes: Probe[] = [];
      let n = 0;
      for (const [name, info] of before) {
        const now = after.get(name);
        if (!now) {
          findings.push({
            severity: 'breaking',
            rule: 'export-removed',
            entry: pair.label,
            name,
            source: info.source,
            message: `export ${name} removed`,
          });
          continue;
        }
        if (now.fingerprint === info.fingerprint) continue;
        for (const probe of probeLines(n++, name, info)) {
          lines.push(probe.line);
          entryProbes[lines.length - 1] = {
            entry: pair.label,
            name,
            rule: probe.rule,
            what: probe.what,
            source: now.source,
          };
        }
      }
      for (const [name, info] of after)
        if (!before.has(name))
          findings.push({
            severity: 'compatible',
            rule: 'export-added',
            entry: pair.label,
            name,
            source: info.source,
            message: `new export ${name}`,
          });
      const file = join(scratch, `probe-${index}.ts`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      files.push(file);
      probes.set(file, entryProbes);
    }
    const seen = new Set<string>();
    for (const diagnostic of typecheck(files, options)) {
      const probe = probes.get(diagnostic.file)?.[diagnostic.line - 1];
      if (!probe) throw new Error(`${diagnostic.file}:${diagnostic.line}: ${diagnostic.message}`);
      const key = `${probe.entry} ${probe.name} ${probe.rule}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        severity: 'breaking',
        rule: probe.rule,
        entry: probe.entry,
        name: probe.name,
        source: probe.source,
        message: `export ${probe.name}: ${probe.what}: ${diagnostic.message}`,
      });
    }
    return findings;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
